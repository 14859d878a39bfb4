/**
 * Real nginx, good and bad production configurations (seed 001's template and its usual mistakes),
 * probed end to end. Needs nginx and openssl: skipped with a message when missing, failing in CI.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { ProbeTls } from '../../facts/probe.js';
import { TestPki, type KeyPair } from '../../testing/probe/certs.js';
import { domain, probeLive } from '../../testing/probe/live.js';
import { startNginx, type Nginx } from '../../testing/probe/nginx.js';
import { closedPort } from '../../testing/probe/servers.js';
import { needTools, skipUnless } from '../../testing/probe/tools.js';

const skip = skipUnless('nginx', 'openssl');
let pki: TestPki;
let leaf: KeyPair;
let chainPath: string;
const running: Nginx[] = [];

before(() => {
  if (skip) return;
  needTools('nginx', 'openssl');
  pki = new TestPki();
  leaf = pki.leaf();
  chainPath = path.join(pki.dir, 'fullchain.pem');
  writeFileSync(chainPath, leaf.cert + pki.ca.cert);
});
after(async () => {
  await Promise.all(running.map((n) => n.stop()));
  pki?.cleanup();
});

async function nginx(http: (ports: { http: number; https: number }) => string): Promise<{ http: number; https: number }> {
  const ports = { http: await closedPort(), https: await closedPort() };
  running.push(await startNginx(() => http(ports), [ports.http, ports.https]));
  return ports;
}

const HOME = `'<!doctype html><html><head><title>Knowledge</title></head><body><h1>ok</h1></body></html>'`;

test('nginx with the seed\'s production template: 301 to HTTPS, TLS 1.2/1.3, HSTS and headers — grade A+', { skip }, async () => {
  const p = await nginx(({ http, https }) => `
  server_tokens off;
  server { listen 127.0.0.1:${http}; server_name localhost; location / { return 301 https://$host:${https}$request_uri; } }
  server {
    listen 127.0.0.1:${https} ssl http2;
    server_name localhost;
    ssl_certificate ${chainPath};
    ssl_certificate_key ${leaf.keyPath};
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;
    ssl_prefer_server_ciphers off;
    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
    add_header X-Frame-Options "SAMEORIGIN" always;
    add_header X-Content-Type-Options "nosniff" always;
    add_header Referrer-Policy "strict-origin-when-cross-origin" always;
    add_header Content-Security-Policy "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'" always;
    location = /healthz { default_type application/json; return 200 '{"status":"ok"}'; }
    location / { return 200 ${HOME}; }
  }`);
  const r = await probeLive(`https://localhost:${p.https}/`, { caFile: pki.ca.certPath, httpUrl: `http://localhost:${p.http}/`, healthPath: '/healthz', expectServer: '^nginx$' });
  assert.deepEqual(r.ids, [], JSON.stringify(r.report.findings.map((f) => `${f.ruleId}: ${f.message}`), null, 1));
  assert.equal(r.report.extra?.grade, 'A+');
  const t = r.facts.facts.probeTls![0] as ProbeTls;
  assert.equal(t.servername, 'localhost');
  assert.equal(t.chain.length, 2, 'fullchain.pem: leaf + CA');
});

test('nginx with development leftovers: TLS 1.0, no redirect, server_tokens, no headers', { skip }, async () => {
  const p = await nginx(({ http, https }) => `
  server { listen 127.0.0.1:${http}; location / { return 200 ${HOME}; } }
  server {
    listen 127.0.0.1:${https} ssl;
    ssl_certificate ${leaf.certPath};
    ssl_certificate_key ${leaf.keyPath};
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;
    ssl_ciphers DEFAULT:@SECLEVEL=0;
    add_header Strict-Transport-Security "max-age=300";
    location / { return 200 ${HOME}; }
  }`);
  const r = await probeLive(`https://127.0.0.1:${p.https}/`, { caFile: pki.ca.certPath, httpUrl: `http://127.0.0.1:${p.http}/` });
  for (const id of ['tls/old-protocol', 'tls/missing-tls13', 'http/missing-redirect', 'server/version-disclosed', 'headers/weak-hsts', 'headers/missing-csp', 'headers/missing-nosniff', 'headers/missing-frame-protection']) {
    assert.ok(r.ids.includes(id), `${id} missing from ${r.ids.join(', ')}`);
  }
  assert.match(r.of('server/version-disclosed')[0]!.message, /Server: nginx\/1\.\d+/);
  assert.ok(['B', 'C', 'D', 'F'].includes(r.report.extra?.grade as string));
  assert.deepEqual((r.report.extra?.caps as { rule: string }[]).map((c) => c.rule).sort(), ['http/missing-redirect', 'tls/old-protocol']);
});

test('nginx in front of an application that is not running: 502 → http/server-error and health/unhealthy', { skip }, async () => {
  const upstream = await closedPort();
  const p = await nginx(({ http, https }) => `
  server_tokens off;
  server { listen 127.0.0.1:${http}; return 301 https://$host:${https}$request_uri; }
  server {
    listen 127.0.0.1:${https} ssl;
    ssl_certificate ${chainPath};
    ssl_certificate_key ${leaf.keyPath};
    location / { proxy_pass http://127.0.0.1:${upstream}; }
  }`);
  const r = await probeLive(`https://127.0.0.1:${p.https}/`, { caFile: pki.ca.certPath, httpUrl: `http://127.0.0.1:${p.http}/`, healthPath: '/healthz' });
  assert.ok(r.ids.includes('http/server-error'), r.ids.join());
  assert.match(r.of('http/server-error')[0]!.message, /502 Bad Gateway/);
  assert.match(r.of('health/unhealthy')[0]!.message, /answers 502 — the application behind the proxy is not listening/);
  assert.deepEqual(domain(r.ids, 'http/'), ['http/server-error']);
});
