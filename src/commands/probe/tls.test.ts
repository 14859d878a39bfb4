/**
 * TLS checks against real local TLS servers, with certificates made by the openssl CLI.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ProbeResponse, ProbeTls } from '../../facts/probe.js';
import { TestPki } from '../../testing/probe/certs.js';
import { domain, probeLive } from '../../testing/probe/live.js';
import { closedPort, startHttps, startRaw, type Running } from '../../testing/probe/servers.js';
import { GOOD_HEADERS, HOME, site } from '../../testing/probe/sites.js';
import { needTools, skipUnless } from '../../testing/probe/tools.js';

const skip = skipUnless('openssl');
let pki: TestPki;
const servers: Running[] = [];
const app = site({ main: { body: HOME, headers: GOOD_HEADERS } });

before(() => {
  if (skip) return;
  needTools('openssl');
  pki = new TestPki();
});
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  pki?.cleanup();
});

async function serve(o: Parameters<typeof startHttps>[0]): Promise<Running> {
  const s = await startHttps(o, app);
  servers.push(s);
  return s;
}

const tlsOf = (r: { facts: { facts: { probeTls?: unknown[] } } }) => r.facts.facts.probeTls?.[0] as ProbeTls;

test('a good TLS site: TLS 1.2 + 1.3 only, trusted through --ca, no tls/* finding', { skip }, async () => {
  const leaf = pki.leaf();
  const s = await serve({ key: leaf.key, cert: leaf.cert });
  const r = await probeLive(s.url, { caFile: pki.ca.certPath, httpUrl: `http://127.0.0.1:${await closedPort()}/` });
  const t = tlsOf(r);
  assert.deepEqual(Object.entries(t.protocols).filter(([, p]) => p.accepted).map(([v]) => v), ['TLSv1.2', 'TLSv1.3']);
  assert.equal(t.negotiated?.protocol, 'TLSv1.3');
  assert.equal(t.trusted, true);
  assert.equal(t.hostnameMatches, true);
  assert.equal(t.chain[0]!.keyType, 'ec');
  assert.equal(t.chain[0]!.signatureAlgorithm, 'ecdsa-with-SHA256');
  assert.deepEqual(domain(r.ids, 'tls/'), []);
  assert.deepEqual(domain(r.ids, 'headers/'), []);
});

test('without --ca the private CA is not trusted: critical, and the HTTP checks say why they did not run', { skip }, async () => {
  const leaf = pki.leaf();
  const s = await serve({ key: leaf.key, cert: leaf.cert });
  const r = await probeLive(s.url, { httpUrl: `http://127.0.0.1:${await closedPort()}/` });
  assert.deepEqual(domain(r.ids, 'tls/'), ['tls/untrusted-certificate']);
  assert.match(r.of('tls/untrusted-certificate')[0]!.message, /not trusted/);
  assert.ok(!r.ids.includes('http/unreachable'), 'a certificate refusal is not "unreachable"');
  assert.ok(r.report.errors.some((e) => /pass --ca FILE/.test(e.message)), JSON.stringify(r.report.errors));
  assert.equal(r.report.extra?.grade, 'F');
  // --insecure: the same verdict, but the page is checked too.
  const i = await probeLive(s.url, { insecure: true, httpUrl: `http://127.0.0.1:${await closedPort()}/` });
  assert.ok(i.ids.includes('tls/untrusted-certificate'));
  assert.match(i.of('tls/untrusted-certificate')[0]!.message, /--insecure/);
  assert.ok((i.facts.facts.probeResponse as ProbeResponse[]).some((x) => x.role === 'main' && x.status === 200));
});

test('a self-signed certificate is named as such', { skip }, async () => {
  const leaf = pki.leaf({ selfSigned: true });
  const s = await serve({ key: leaf.key, cert: leaf.cert });
  const r = await probeLive(s.url, { caFile: pki.ca.certPath, httpUrl: `http://127.0.0.1:${await closedPort()}/` });
  assert.match(r.of('tls/untrusted-certificate')[0]?.message ?? '', /self-signed/);
});

test('TLS 1.0 / 1.1 accepted → tls/old-protocol (grade capped at B); TLS 1.2 only → tls/missing-tls13', { skip }, async () => {
  const leaf = pki.leaf();
  const [old, only12] = await Promise.all([serve({ key: leaf.key, cert: leaf.cert, minVersion: 'TLSv1' }), serve({ key: leaf.key, cert: leaf.cert, maxVersion: 'TLSv1.2' })]);
  const [a, b] = await Promise.all([
    probeLive(old.url, { caFile: pki.ca.certPath, httpUrl: `http://127.0.0.1:${await closedPort()}/` }),
    probeLive(only12.url, { caFile: pki.ca.certPath, httpUrl: `http://127.0.0.1:${await closedPort()}/` }),
  ]);
  assert.deepEqual(Object.entries(tlsOf(a).protocols).filter(([, p]) => p.accepted).map(([v]) => v), ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
  assert.deepEqual(domain(a.ids, 'tls/'), ['tls/old-protocol']);
  assert.match(a.of('tls/old-protocol')[0]!.message, /TLS 1\.0 and TLS 1\.1/);
  assert.ok(['B', 'C', 'D', 'F'].includes(a.report.extra?.grade as string));
  assert.deepEqual(domain(b.ids, 'tls/'), ['tls/missing-tls13']);
});

test('expired, expiring (≤ 30 days high, ≤ 60 low) certificates', { skip }, async () => {
  const [exp, soon, later] = [pki.leaf({ days: -1 }), pki.leaf({ days: 10 }), pki.leaf({ days: 45 })];
  const ss = await Promise.all([exp, soon, later].map((l) => serve({ key: l.key, cert: l.cert })));
  const port = await closedPort();
  const [a, b, c] = await Promise.all(ss.map((s) => probeLive(s.url, { caFile: pki.ca.certPath, httpUrl: `http://127.0.0.1:${port}/` })));
  assert.deepEqual(domain(a.ids, 'tls/'), ['tls/certificate-expired']);
  assert.equal(tlsOf(a).trustError, 'CERT_HAS_EXPIRED');
  assert.deepEqual(b.of('tls/certificate-expiring').map((f) => f.severity), ['high']);
  assert.match(b.of('tls/certificate-expiring')[0]!.message, /expires in (9|10) days/);
  assert.deepEqual(c.of('tls/certificate-expiring').map((f) => f.severity), ['low']);
  assert.deepEqual(domain(c.ids, 'tls/'), ['tls/certificate-expiring']);
});

test('a 1024-bit RSA key, a SHA-1 signature, a certificate for another name', { skip }, async () => {
  const [weak, sha1, other] = [pki.leaf({ key: 'rsa1024' }), pki.leaf({ sha1: true }), pki.leaf({ sans: ['DNS:other.example.test'] })];
  const ss = await Promise.all([weak, sha1, other].map((l) => serve({ key: l.key, cert: l.cert })));
  const port = await closedPort();
  const [a, b, c] = await Promise.all(ss.map((s) => probeLive(s.url, { caFile: pki.ca.certPath, httpUrl: `http://127.0.0.1:${port}/` })));
  assert.deepEqual(domain(a.ids, 'tls/'), ['tls/weak-key']);
  assert.match(a.of('tls/weak-key')[0]!.message, /1024-bit RSA/);
  // OpenSSL refuses SHA-1 chains at security level 1: one critical finding, not "unreachable" or "untrusted".
  assert.deepEqual(b.ids.filter((i) => i.startsWith('tls/') || i === 'http/unreachable'), ['tls/weak-signature']);
  assert.match(b.of('tls/weak-signature')[0]!.message, /ecdsa-with-SHA1: current clients refuse the connection/);
  assert.equal(b.of('tls/weak-signature')[0]!.severity, 'critical');
  assert.deepEqual(domain(c.ids, 'tls/'), ['tls/hostname-mismatch']);
  assert.match(c.of('tls/hostname-mismatch')[0]!.message, /does not name 127\.0\.0\.1: it is for DNS:other\.example\.test/);
});

test('a plain-HTTP server on the HTTPS port → tls/unavailable; a closed port → http/unreachable', { skip }, async () => {
  const raw = await startRaw('HTTP/1.0 400 Bad request version\r\nServer: BaseHTTP/0.6 Python/3.12\r\n\r\n');
  servers.push(raw);
  const port = await closedPort();
  const [a, b] = await Promise.all([
    probeLive(raw.url, { httpUrl: `http://127.0.0.1:${port}/` }),
    probeLive(`https://127.0.0.1:${await closedPort()}/`, { httpUrl: `http://127.0.0.1:${port}/` }),
  ]);
  assert.ok(a.ids.includes('tls/unavailable'), a.ids.join());
  assert.match(a.of('tls/unavailable')[0]!.message, /not with TLS/);
  assert.ok(!a.ids.includes('http/unreachable'));
  assert.ok(b.ids.includes('http/unreachable'), b.ids.join());
  assert.match(b.of('http/unreachable')[0]!.message, /nothing listens on 127\.0\.0\.1:\d+ \(connection refused\)/);
  assert.ok(!b.ids.includes('tls/unavailable'));
  assert.equal(b.report.extra?.grade, 'F');
});
