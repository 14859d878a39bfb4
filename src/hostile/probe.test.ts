/**
 * Hostile sites for `honban probe`: endless redirects, a body that stalls after the headers, a load
 * test against a site that does not answer, a catastrophic --expect-server pattern against a long
 * Server header. Each run ends within its timeouts and says what happened.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProbeLoad } from '../facts/probe.js';
import { probeLive } from '../testing/probe/live.js';
import { closedPort, startSilent } from '../testing/probe/servers.js';
import { GOOD_HEADERS, HOME } from '../testing/probe/sites.js';
import { localServers } from '../testing/probe/suite.js';

const local = localServers();
const { skip } = local;

test('an endlessly redirecting site: http/redirect-loop, grade capped at F, not a silent B', { skip }, async () => {
  let n = 0;
  const s = await local.https((req, res) => {
    res.writeHead(302, { location: `/r${++n}`, ...GOOD_HEADERS });
    res.end();
  });
  const r = await probeLive(s.url, { caFile: local.caFile, httpUrl: `http://127.0.0.1:${await closedPort()}/` });
  assert.deepEqual(r.of('http/redirect-loop').map((f) => f.severity), ['high']);
  assert.equal(r.report.extra?.grade, 'F');
  assert.ok((r.report.extra?.caps as { rule: string }[]).some((c) => c.rule === 'http/redirect-loop'));
});

test('a redirect loop between two URLs is reported as a loop', { skip }, async () => {
  const s = await local.https((req, res) => {
    res.writeHead(302, { location: req.url === '/a' ? '/' : '/a', ...GOOD_HEADERS });
    res.end();
  });
  const r = await probeLive(s.url, { caFile: local.caFile, httpUrl: `http://127.0.0.1:${await closedPort()}/` });
  assert.match(r.of('http/redirect-loop')[0]!.message, /redirects in a loop \(\/ → \/a → \/\)/);
});

test('a body that stalls after the headers: http/stalled-body, the headers still judged, not "does not answer"', { skip }, async () => {
  const s = await local.https((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }); // no HSTS, no CSP: judged all the same
      res.write('<!doctype html><html><head><title>Slow</title>');
      return; // never ends
    }
    res.writeHead(404, { 'content-type': 'text/plain', ...GOOD_HEADERS });
    res.end('not found');
  });
  const t0 = Date.now();
  const r = await probeLive(s.url, { caFile: local.caFile, httpUrl: `http://127.0.0.1:${await closedPort()}/`, timeoutMs: 1500, latencySamples: 1 });
  assert.ok(Date.now() - t0 < 15_000, `${Date.now() - t0} ms`);
  assert.deepEqual(r.of('http/stalled-body').map((f) => f.file), [s.url]);
  assert.deepEqual(r.of('http/unreachable'), []);
  assert.ok(r.ids.includes('headers/missing-hsts'), r.ids.join(', '));
});

test('a load test against a site that does not answer is skipped at once, with the reason', { skip }, async () => {
  const silent = local.track(await startSilent());
  const t0 = Date.now();
  const r = await probeLive(silent.url, { caFile: local.caFile, httpUrl: `http://127.0.0.1:${await closedPort()}/`, timeoutMs: 1000, load: 10_000, concurrency: 50, latencySamples: 1 });
  const ms = Date.now() - t0;
  console.log(`probe --load 10000 against a silent server: ${ms} ms`);
  assert.ok(ms < 20_000, `${ms} ms`);
  assert.equal(r.facts.facts.probeLoad?.[0], undefined);
  assert.ok(r.report.errors.some((e) => /load test skipped: the site did not answer/.test(e.message)), JSON.stringify(r.report.errors));
});

test('a site that stops answering during the load test: stopped early, requests sent (not asked for) reported', { skip }, async () => {
  let answered = 0;
  const s = await local.https((req, res) => {
    // The gatherers' requests are answered; the load test's are not.
    if (/honban-probe \(load\)/.test(req.headers['user-agent'] ?? '')) return;
    answered++;
    res.writeHead(200, { 'content-type': 'text/html', ...GOOD_HEADERS });
    res.end(HOME);
  });
  const t0 = Date.now();
  const r = await probeLive(s.url, { caFile: local.caFile, httpUrl: `http://127.0.0.1:${await closedPort()}/`, timeoutMs: 1000, load: 10_000, concurrency: 10, latencySamples: 1 });
  const ms = Date.now() - t0;
  console.log(`probe --load 10000 against a site that stops answering: ${ms} ms`);
  assert.ok(answered > 0);
  assert.ok(ms < 30_000, `${ms} ms: the load test ran to its 60 s cap`);
  const l = r.facts.facts.probeLoad?.[0] as ProbeLoad;
  assert.equal(l.stoppedNoAnswer, true);
  assert.equal(l.completed, 0);
  assert.match(r.of('load/errors')[0]!.message, /^None of the \d+ requests sent under load got an answer/);
});

test('a catastrophic --expect-server pattern against a 8 KB Server header ends quickly', { skip }, async () => {
  const s = await local.https((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', server: 'a'.repeat(8_000) + '!', ...GOOD_HEADERS });
    res.end(HOME);
  });
  const t0 = Date.now();
  const r = await probeLive(s.url, { caFile: local.caFile, httpUrl: `http://127.0.0.1:${await closedPort()}/`, expectServer: '^(a+)+$', latencySamples: 1 });
  assert.ok(Date.now() - t0 < 15_000, `${Date.now() - t0} ms`);
  assert.equal(r.of('server/unexpected').length, 1);
});
