/**
 * `--load N --concurrency C` with autocannon against local servers: a healthy one and one that
 * fails every fifth request (an exhausted worker pool answering 503).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProbeLoad } from '../../facts/probe.js';
import { gatherLoad } from '../../collect/probe/load.js';
import { domain, probeLive } from '../../testing/probe/live.js';
import { closedPort, startHttp, type Handler, type Running } from '../../testing/probe/servers.js';
import { GOOD_HEADERS, HOME, site } from '../../testing/probe/sites.js';
import { localServers } from '../../testing/probe/suite.js';

const local = localServers();
const { skip } = local;

const serve = (h: Handler): Promise<Running> => local.https(h);

const loadOf = (r: { facts: { facts: { probeLoad?: unknown[] } } }) => r.facts.facts.probeLoad?.[0] as ProbeLoad | undefined;

test('the seed\'s ab -n 100 -c 10 against a healthy site: 100 × 2xx, no load finding', { skip }, async () => {
  let hits = 0;
  const ok = site({ main: { body: HOME, headers: GOOD_HEADERS } });
  const s = await serve((req, res) => {
    hits++;
    ok(req, res);
  });
  const r = await probeLive(s.url, { caFile: local.caFile, httpUrl: `http://127.0.0.1:${await closedPort()}/`, load: 100, concurrency: 10 });
  const l = loadOf(r)!;
  assert.deepEqual([l.requested, l.concurrency, l.completed, l.errors, l.non2xx, l.statusCodes['200']], [100, 10, 100, 0, 0, 100]);
  assert.ok(hits >= 100, `server saw ${hits} requests`);
  assert.deepEqual(domain(r.ids, 'load/'), []);
});

test('a site failing under concurrency: load/errors with the status counts', { skip }, async () => {
  let n = 0;
  const s = await serve((req, res) => {
    n++;
    res.statusCode = n % 5 === 0 ? 503 : 200;
    res.end('x');
  });
  const r = await probeLive(s.url, { caFile: local.caFile, httpUrl: `http://127.0.0.1:${await closedPort()}/`, load: 50, concurrency: 5 });
  const l = loadOf(r)!;
  assert.ok(l.non2xx >= 9 && l.non2xx <= 11, `non2xx ${l.non2xx}`);
  assert.deepEqual(r.of('load/errors').map((f) => f.severity), ['high']);
  assert.match(r.of('load/errors')[0]!.message, /of 50 requests sent failed under load \(concurrency 5\): \d+× 503/);
});

test('the load test is skipped when the certificate is not trusted and --insecure is not given', { skip }, async () => {
  const s = await serve(site({}));
  const r = await probeLive(s.url, { httpUrl: `http://127.0.0.1:${await closedPort()}/`, load: 20, concurrency: 2 });
  assert.equal(loadOf(r), undefined);
  assert.ok(r.report.errors.some((e) => /load test skipped/.test(e.message)));
});

test('hard caps: the time cap stops a run against a server that never answers', async () => {
  const hang = await startHttp(() => undefined);
  local.track(hang);
  const t0 = Date.now();
  const l = await gatherLoad({ url: hang.url, headers: {}, insecure: false, timeoutMs: 5000, requests: 10, concurrency: 2, file: hang.url, environment: 'production', maxSeconds: 1 });
  assert.ok(Date.now() - t0 < 4000, `stopped after ${Date.now() - t0} ms`);
  assert.equal(l.stoppedByCap, true);
  assert.equal(l.completed, 0);
});
