import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, load, URL0 } from '../../testing/probe/harness.js';
import rule from './errors.js';

test('load/errors: non-2xx answers and errors under load are high, with the counts', async () => {
  const [f] = await expectFindings(rule, { probeLoad: [load({ non2xx: 7, statusCodes: { '200': 93, '502': 7 } })] }, [`${URL0} high`]);
  assert.match(f!.message, /7 of 100 requests failed .*7× 502/);
  await expectFindings(rule, { probeLoad: [load({ errors: 3, timeouts: 3, completed: 97, statusCodes: { '200': 97 } })] }, [`${URL0} high`]);
});

test('load/errors: all 2xx is silent; no load test, nothing judged', async () => {
  await expectFindings(rule, { probeLoad: [load()] }, []);
  await expectFindings(rule, {}, []);
});
