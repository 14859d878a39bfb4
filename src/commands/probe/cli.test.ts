/**
 * End to end: the real CLI (`node bin/honban.js probe …`) against local servers — every output
 * format, exit codes, usage errors, --save-facts / --from-facts, and proof that no cookie value,
 * header value or Authorization ever appears in any output or in the saved facts.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { Report } from '../../contracts/types.js';
import { TestPki, type KeyPair } from '../../testing/probe/certs.js';
import { BIN } from '../../testing/probe/paths.js';
import { closedPort, startHttp, startHttps, type Running } from '../../testing/probe/servers.js';
import { GOOD_HEADERS, HOME, loginPage, redirectTo, site } from '../../testing/probe/sites.js';
import { needTools, skipUnless } from '../../testing/probe/tools.js';

const run = promisify(execFile);
const skip = skipUnless('openssl');

const AUTH = 'Bearer hb-test-token-6f1d2c9a8b7e';
const API_KEY = 'key-0f9e8d7c6b5a4';
const SENT_COOKIE = 'sess-cookie-value-93ac71';
const SERVER_COOKIE = 'srv-session-3e8b1f0c2d';
const CSRF = 'csrf-token-value-77aa12bb99';
const SECRETS = [AUTH, 'hb-test-token-6f1d2c9a8b7e', API_KEY, SENT_COOKIE, SERVER_COOKIE, CSRF];

let pki: TestPki;
let leaf: KeyPair;
let dir: string;
let app: Running;
let plain: Running;
const seen: { authorization?: string; cookie?: string; apiKey?: string } = {};

/** A DEBUG page that prints the request headers back, as Django's technical pages do. */
function echoPage(req: import('node:http').IncomingMessage): string {
  const rows = Object.entries(req.headers).map(([k, v]) => `<tr><td>HTTP_${k.toUpperCase().replace(/-/g, '_')}</td><td class="code"><pre>${String(v)}</pre></td></tr>`).join('');
  return `<!DOCTYPE html><html><head><title>Page not found at ${req.url}</title></head><body><p>Using the URLconf defined in <code>mysite.urls</code>, Django tried these URL patterns.</p><table>${rows}</table><p>You’re seeing this error because you have <code>DEBUG = True</code> in your Django settings file.</p></body></html>`;
}

before(async () => {
  if (skip) return;
  needTools('openssl');
  pki = new TestPki();
  leaf = pki.leaf();
  dir = mkdtempSync(path.join(tmpdir(), 'honban-cli-'));
  const pages = site({
    main: { body: HOME, headers: { ...GOOD_HEADERS, 'set-cookie': `session=${SERVER_COOKIE}; Path=/` } },
    routes: { '/login': { body: loginPage({ csrf: true }).replace(/value="[^"]+"/, `value="${CSRF}"`), headers: GOOD_HEADERS } },
  });
  app = await startHttps({ key: leaf.key, cert: leaf.cert }, (req, res) => {
    if (req.url === '/') {
      seen.authorization = req.headers.authorization;
      seen.cookie = req.headers.cookie;
      seen.apiKey = req.headers['x-api-key'] as string | undefined;
    }
    const p = (req.url ?? '/').split('?')[0];
    if (p !== '/' && p !== '/login') {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html');
      return res.end(echoPage(req));
    }
    pages(req, res);
  });
  plain = await startHttp(redirectTo((p) => `https://127.0.0.1:${app.port}${p}`));
});
after(async () => {
  await app?.close();
  await plain?.close();
  pki?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', LANG: 'C' }, timeout: 30000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const probeArgs = () => ['probe', app.url, '--ca', pki.ca.certPath, '--http-url', plain.url, '--login-path', '/login', '--header', `Authorization: ${AUTH}`, '--header', `X-Api-Key: ${API_KEY}`, '--cookie', `session=${SENT_COOKIE}`];

test('pretty: findings with the URL, the grade headline, exit 1 on a high finding', { skip }, async () => {
  const r = await cli([...probeArgs(), '--timeout', '5000']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /debug\/django-debug-page/);
  assert.match(r.stdout, /cookie\/missing-secure/);
  assert.match(r.stdout, /^Grade: D {2}\(50\/100\) · \d+\.\d s$/m);
  assert.match(r.stdout, new RegExp(`^https://127\\.0\\.0\\.1:${app.port}/`, 'm'));
  assert.equal(seen.authorization, AUTH, 'the header was really sent');
  assert.equal(seen.apiKey, API_KEY);
  assert.equal(seen.cookie, `session=${SENT_COOKIE}`);
});

test('no cookie value, header value or Authorization in any format, in stderr, or in the saved facts', { skip }, async () => {
  const facts = path.join(dir, 'facts.json');
  for (const format of ['pretty', 'json', 'sarif', 'junit', 'markdown']) {
    const r = await cli([...probeArgs(), '--format', format, ...(format === 'json' ? ['--save-facts', facts] : [])]);
    assert.equal(r.code, 1, `${format}: ${r.stderr}`);
    for (const s of SECRETS) {
      assert.ok(!r.stdout.includes(s), `${format} output contains a secret (${s.length} chars)`);
      assert.ok(!r.stderr.includes(s), `${format} stderr contains a secret`);
    }
  }
  const saved = readFileSync(facts, 'utf8');
  for (const s of SECRETS) assert.ok(!saved.includes(s), `saved facts contain a secret (${s.length} chars)`);
  // The echo page was saved — masked — and the names of what was sent are kept.
  const data = JSON.parse(saved) as { facts: { probeTarget: { sentHeaders: string[]; sentCookies: string[] }[]; probeCookie: { name: string; valueLength: number }[]; probeResponse: { role: string; body?: string }[] } };
  const echo = data.facts.probeResponse.find((x) => x.role === 'not-found')!.body!;
  assert.match(echo, /HTTP_AUTHORIZATION<\/td><td class="code"><pre>\*\*\*\*<\/pre>/);
  assert.match(echo, /HTTP_COOKIE<\/td><td class="code"><pre>session=\*\*\*\*<\/pre>/);
  assert.deepEqual(data.facts.probeTarget[0]!.sentHeaders, ['Authorization', 'X-Api-Key']);
  assert.deepEqual(data.facts.probeTarget[0]!.sentCookies, ['session']);
  assert.ok(data.facts.probeCookie.some((c) => c.name === 'session' && c.valueLength === SERVER_COOKIE.length));
});

test('json: grade and timing in extra (the time itself is measured by npm run bench:probe, not here)', { skip }, async () => {
  const r = await cli(['probe', app.url, '--ca', pki.ca.certPath, '--http-url', plain.url, '--format', 'json', '--fail-on', 'none']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  assert.equal(report.command, 'probe');
  assert.deepEqual(report.target, [app.url]);
  const extra = report.extra as { grade: string; score: number; timing: { totalMs: number; gatherers: Record<string, number> } };
  assert.match(extra.grade, /^(A\+|A|B|C|D|F)$/);
  assert.ok(Number.isFinite(extra.timing.totalMs) && extra.timing.totalMs > 0, `totalMs ${extra.timing.totalMs}`);
  for (const g of ['dns', 'tls', 'redirect', 'main', 'cors', 'debug', 'latency']) {
    const ms = extra.timing.gatherers[g];
    assert.ok(typeof ms === 'number' && ms >= 0 && ms <= extra.timing.totalMs, `${g}: ${ms}`);
  }
  assert.ok(report.findings.every((f) => f.line === undefined && f.file.startsWith('https://127.0.0.1:')));
  assert.ok(report.scanned >= 7, `URLs requested: ${report.scanned}`);
});

test('--lang ja: messages and the headline in Japanese', { skip }, async () => {
  const r = await cli(['probe', app.url, '--ca', pki.ca.certPath, '--http-url', plain.url, '--lang', 'ja']);
  assert.match(r.stdout, /^評価: D {2}\(50\/100\) · \d+\.\d 秒$/m);
  assert.match(r.stdout, /セッション Cookie session に Secure 属性がありません/);
});

test('--from-facts replays with no network: same findings, same exit code', { skip }, async () => {
  const facts = path.join(dir, 'replay.json');
  const live = await cli([...probeArgs(), '--format', 'json', '--save-facts', facts]);
  const a = JSON.parse(live.stdout) as Report;
  // The servers are still up, but the replay must not need them: point it at nothing.
  const replay = await cli(['probe', '--from-facts', facts, '--format', 'json']);
  const b = JSON.parse(replay.stdout) as Report;
  assert.equal(replay.code, live.code);
  const key = (x: Report) => x.findings.map((f) => `${f.ruleId} ${f.file} ${f.severity} ${f.message}`);
  assert.deepEqual(key(b), key(a));
  assert.equal((b.extra as { grade: string }).grade, (a.extra as { grade: string }).grade);
  assert.equal((b.extra as { replayedFrom: string }).replayedFrom, facts);
  const pretty = await cli(['probe', '--from-facts', facts]);
  assert.match(pretty.stdout, /replayed from .*replay\.json/);
});

test('usage errors exit 2 with one clear line; --help exits 0', async () => {
  const cases: [string[], RegExp][] = [
    [['probe'], /needs a URL/],
    [['probe', 'https://127.0.0.1:1/', '--load', '20000'], /--load must be an integer from 1 to 10000/],
    [['probe', 'https://127.0.0.1:1/', '--load', '10', '--concurrency', '50'], /--concurrency must be an integer from 1 to 10/],
    [['probe', 'https://127.0.0.1:1/', '--bogus'], /unknown option '--bogus'/],
    [['probe', 'https://127.0.0.1:1/', '--header', 'broken'], /--header must look like/],
    [['probe', '--from-facts', '/nonexistent/facts.json'], /cannot read --from-facts/],
    [['probe', 'ftp://127.0.0.1/'], /must be an http:\/\/ or https:\/\/ URL/],
  ];
  for (const [args, re] of cases) {
    const r = await cli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, re);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
  const notFacts = path.join(tmpdir(), `honban-not-facts-${process.pid}.json`);
  writeFileSync(notFacts, '{"hello": 1}');
  const r = await cli(['probe', '--from-facts', notFacts]);
  rmSync(notFacts);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /not a honban probe facts file/);
  const h = await cli(['probe', '--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /Usage: honban probe URL/);
  assert.match(h.stdout, /--load N/);
});

test('a site that is down: exit 2 (nothing could be checked) with one error line, the report still written: http/unreachable, grade F, fast', async () => {
  const port = await closedPort();
  const t0 = Date.now();
  const r = await cli(['probe', `https://127.0.0.1:${port}/`, '--http-url', `http://127.0.0.1:${port}/`, '--format', 'json']);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stderr, `honban: error: https://127.0.0.1:${port}/ could not be checked: The site does not answer: nothing listens on 127.0.0.1:${port} (connection refused)\n`);
  const report = JSON.parse(r.stdout) as Report;
  assert.equal(report.exitCode, 2);
  assert.deepEqual([...new Set(report.findings.map((f) => f.ruleId))].sort(), ['http/missing-redirect', 'http/unreachable']);
  // Even --fail-on none cannot turn "not checked" into a pass.
  assert.equal((await cli(['probe', `https://127.0.0.1:${port}/`, '--http-url', `http://127.0.0.1:${port}/`, '--fail-on', 'none', '-q'])).code, 2);
  assert.equal((report.extra as { grade: string }).grade, 'F');
  // A hang guard, not a speed claim: a refused connection must not wait for timeouts.
  assert.ok(Date.now() - t0 < 30_000);
});
