import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, load, URL0 } from '../../testing/probe/harness.js';
import rule from './errors.js';

test('load/errors: non-2xx answers and errors under load are high, with the counts', async () => {
  const [f] = await expectFindings(rule, { probeLoad: [load({ non2xx: 7, statusCodes: { '200': 93, '502': 7 } })] }, [`${URL0} high`]);
  assert.match(f!.message, /7 of 100 requests sent failed .*7× 502/);
  await expectFindings(rule, { probeLoad: [load({ errors: 3, timeouts: 3, completed: 97, statusCodes: { '200': 97 } })] }, [`${URL0} high`]);
});

test('load/errors: a site that never answered: the requests sent, not the requests asked for, with the error codes', async () => {
  const [f] = await expectFindings(
    rule,
    { probeLoad: [load({ requested: 10_000, sent: 40, completed: 0, errors: 40, errorCodes: { ECONNREFUSED: 40 }, statusCodes: {}, stoppedNoAnswer: true, durationMs: 5100 })] },
    [`${URL0} high`],
  );
  assert.equal(f!.message, 'None of the 40 requests sent under load got an answer (concurrency 10; stopped after 5 s without any answer): 40 without an answer (40× ECONNREFUSED)');
  const [g] = await expectFindings(rule, { probeLoad: [load({ requested: 10_000, sent: 200, completed: 150, errors: 50, errorCodes: { ECONNRESET: 50 }, statusCodes: { '200': 150 } })] }, [`${URL0} high`]);
  assert.match(g!.message, /^50 of 200 requests sent failed under load \(concurrency 10, 10000 asked for\): 50 without an answer \(50× ECONNRESET\)$/);
});

test('load/errors: all 2xx is silent; no load test, nothing judged', async () => {
  await expectFindings(rule, { probeLoad: [load()] }, []);
  await expectFindings(rule, {}, []);
});
