import { test } from 'node:test';
import { expectFindings, load, URL0 } from '../../testing/probe/harness.js';
import rule from './slow-response.js';

test('load/slow-response: p99 over 2 s, or hitting the 60 s cap, is medium', async () => {
  await expectFindings(rule, { probeLoad: [load({ latencyMs: { p50: 300, p90: 1500, p99: 2600, max: 3100, mean: 500 } })] }, [`${URL0} medium`]);
  await expectFindings(rule, { probeLoad: [load({ stoppedByCap: true, completed: 4000, requested: 10000 })] }, [`${URL0} medium`]);
});

test('load/slow-response: a fast run is silent', async () => {
  await expectFindings(rule, { probeLoad: [load()] }, []);
});
