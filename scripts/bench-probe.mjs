#!/usr/bin/env node
// Measures `honban probe` against `testssl.sh -p -S -h` on the same loopback TLS sites and checks
// that both give the same TLS protocol verdicts.
//
//   npm run build && node scripts/bench-probe.mjs [--runs N]
//
// Two sites are probed: a modern one (TLS 1.2 + 1.3) and a legacy one (TLS 1.0 – 1.2), served by
// nginx when installed (else by node's https server), with certificates from a throw-away CA made
// with the openssl CLI. testssl.sh (Debian package `testssl.sh`, binary `testssl`) is optional: without
// it only honban's times are printed. Everything binds to 127.0.0.1.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'honban.js');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

const { TestPki } = await import(path.join(ROOT, 'dist/testing/probe/certs.js'));
const { startHttps, startHttp, closedPort } = await import(path.join(ROOT, 'dist/testing/probe/servers.js'));
const { startNginx } = await import(path.join(ROOT, 'dist/testing/probe/nginx.js'));
const { site, GOOD_HEADERS, HOME, redirectTo } = await import(path.join(ROOT, 'dist/testing/probe/sites.js'));

const which = (t) => spawnSync('sh', ['-c', `command -v ${t}`], { encoding: 'utf8' }).stdout.trim() || undefined;
const testssl = which('testssl') ?? which('testssl.sh');
const haveNginx = Boolean(which('nginx'));
if (!which('openssl')) {
  console.error('bench-probe: openssl is required (apt-get install openssl)');
  process.exit(2);
}

function time(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, timeout: 300_000, ...opts }, (err, stdout, stderr) => {
      resolve({ ms: performance.now() - t0, code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const VERSIONS = [['TLSv1', 'TLS1', 'TLS 1.0'], ['TLSv1.1', 'TLS1_1', 'TLS 1.1'], ['TLSv1.2', 'TLS1_2', 'TLS 1.2'], ['TLSv1.3', 'TLS1_3', 'TLS 1.3']];

const pki = new TestPki();
const leaf = pki.leaf();
const chain = path.join(pki.dir, 'fullchain.pem');
writeFileSync(chain, leaf.cert + pki.ca.cert);
const cleanups = [];
const work = mkdtempSync(path.join(tmpdir(), 'honban-bench-'));

async function makeSite(name, protocols) {
  if (haveNginx) {
    const ports = { http: await closedPort(), https: await closedPort() };
    const legacy = protocols.includes('TLSv1');
    const n = await startNginx(
      () => `
  server_tokens off;
  server { listen 127.0.0.1:${ports.http}; return 301 https://$host:${ports.https}$request_uri; }
  server {
    listen 127.0.0.1:${ports.https} ssl;
    ssl_certificate ${chain};
    ssl_certificate_key ${leaf.keyPath};
    ssl_protocols ${protocols.join(' ')};
    ${legacy ? 'ssl_ciphers DEFAULT:@SECLEVEL=0;' : ''}
    ${Object.entries(GOOD_HEADERS).map(([k, v]) => `add_header ${k} "${v}" always;`).join('\n    ')}
    location / { return 200 '${HOME}'; }
  }`,
      [ports.http, ports.https],
    );
    cleanups.push(() => n.stop());
    return { name, server: `nginx (${protocols.join(' ')})`, url: `https://127.0.0.1:${ports.https}/`, httpUrl: `http://127.0.0.1:${ports.http}/` };
  }
  const s = await startHttps({ key: leaf.key, cert: leaf.cert + pki.ca.cert, minVersion: protocols[0], maxVersion: protocols[protocols.length - 1] }, site({ main: { body: HOME, headers: GOOD_HEADERS } }));
  const h = await startHttp(redirectTo((p) => `https://127.0.0.1:${s.port}${p}`));
  cleanups.push(() => s.close(), () => h.close());
  return { name, server: `node https (${protocols.join(' ')})`, url: s.url, httpUrl: h.url };
}

try {
  const sites = [await makeSite('modern', ['TLSv1.2', 'TLSv1.3']), await makeSite('legacy', ['TLSv1', 'TLSv1.1', 'TLSv1.2'])];
  let allAgree = true;
  const summary = [];
  for (const s of sites) {
    const facts = path.join(work, `${s.name}.facts.json`);
    const honbanTimes = [];
    for (let i = 0; i < runs; i++) {
      const r = await time(process.execPath, [BIN, 'probe', s.url, '--ca', pki.ca.certPath, '--http-url', s.httpUrl, '--format', 'json', '--fail-on', 'none', '--save-facts', facts]);
      if (r.code !== 0) throw new Error(`honban probe failed (${r.code}): ${r.stderr}`);
      honbanTimes.push(r.ms);
    }
    const tlsFact = JSON.parse(readFileSync(facts, 'utf8')).facts.probeTls[0];
    const honbanVerdict = Object.fromEntries(VERSIONS.map(([v]) => [v, tlsFact.protocols[v].accepted]));
    const h = median(honbanTimes);
    console.log(`\n${s.name} site — ${s.server} at ${s.url}`);
    console.log(`  honban probe (full probe, no load): median ${(h / 1000).toFixed(2)} s over ${runs} runs [${honbanTimes.map((t) => (t / 1000).toFixed(2)).join(', ')}]`);
    if (!testssl) {
      console.log('  testssl.sh not installed (apt-get install testssl.sh): no comparison');
      console.log(`  honban TLS verdicts: ${VERSIONS.map(([v, , label]) => `${label} ${honbanVerdict[v] ? 'offered' : 'not offered'}`).join(', ')}`);
      summary.push({ site: s.name, honbanMs: Math.round(h) });
      continue;
    }
    const json = path.join(work, `${s.name}.testssl.json`);
    rmSync(json, { force: true });
    const t = await time(testssl, ['--quiet', '--color', '0', '--warnings', 'off', '--add-ca', pki.ca.certPath, '--jsonfile', json, '-p', '-S', '-h', s.url.replace(/\/$/, '')]);
    let entries = [];
    try {
      entries = JSON.parse(readFileSync(json, 'utf8'));
    } catch {
      throw new Error(`testssl wrote no JSON (exit ${t.code}): ${t.stderr.slice(0, 500)}`);
    }
    const testsslVerdict = {};
    for (const [v, id] of VERSIONS) {
      const e = entries.find((x) => x.id === id);
      testsslVerdict[v] = e ? /^offered/i.test(e.finding) : undefined;
    }
    console.log(`  testssl.sh -p -S -h:                ${(t.ms / 1000).toFixed(2)} s (exit ${t.code})`);
    console.log(`  ratio testssl / honban:             ${(t.ms / h).toFixed(1)}×`);
    console.log('  TLS protocol verdicts:');
    for (const [v, , label] of VERSIONS) {
      const agree = honbanVerdict[v] === testsslVerdict[v];
      if (!agree) allAgree = false;
      const show = (x) => (x === undefined ? 'n/a' : x ? 'offered' : 'not offered');
      console.log(`    ${label.padEnd(8)} honban ${show(honbanVerdict[v]).padEnd(12)} testssl ${show(testsslVerdict[v]).padEnd(12)} ${agree ? 'agree' : 'DISAGREE'}`);
    }
    summary.push({ site: s.name, honbanMs: Math.round(h), testsslMs: Math.round(t.ms), ratio: Number((t.ms / h).toFixed(1)), verdictsAgree: VERSIONS.every(([v]) => honbanVerdict[v] === testsslVerdict[v]) });
  }
  console.log(`\n${JSON.stringify({ runs, server: haveNginx ? 'nginx' : 'node', testssl: Boolean(testssl), results: summary })}`);
  if (testssl && !allAgree) process.exitCode = 1;
} finally {
  for (const c of cleanups.reverse()) await c();
  pki.cleanup();
  rmSync(work, { recursive: true, force: true });
}
