import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, latency, URL0 } from '../../testing/probe/harness.js';
import rule from './slow-response.js';

test('perf/slow-response: a median over 2 s is medium; only the slowest over 2 s is low', async () => {
  const [f] = await expectFindings(rule, { probeLatency: [latency([2100, 2300, 2500, 2200, 2400])] }, [`${URL0} medium`]);
  assert.match(f!.message, /p50 2\.30 s, p95 2\.50 s over 5 requests/);
  await expectFindings(rule, { probeLatency: [latency([120, 130, 110, 2600, 140])] }, [`${URL0} low`]);
});

test('perf/slow-response: fast pages are silent; the threshold is an option', async () => {
  await expectFindings(rule, { probeLatency: [latency([120, 130, 110, 150, 140])] }, []);
  await expectFindings(rule, { probeLatency: [latency([]) ] }, []);
  await expectFindings(rule, { probeLatency: [latency([120, 130, 110, 150, 140])] }, [`${URL0} medium`], { config: { rules: { 'perf/slow-response': { options: { thresholdMs: 100 } } } } });
});
