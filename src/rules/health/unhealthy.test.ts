import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, target, URL0 } from '../../testing/probe/harness.js';
import rule from './unhealthy.js';

const H = `${URL0}healthz`;
const T = { probeTarget: [target({ healthPath: '/healthz' })] };

test('health/unhealthy: 503, 502 (upstream down) and timeouts are high', async () => {
  await expectFindings(rule, { ...T, probeResponse: [response({ role: 'health', url: H, status: 503 })] }, [`${H} high`]);
  const [f] = await expectFindings(rule, { ...T, probeResponse: [response({ role: 'health', url: H, status: 502 })] }, [`${H} high`]);
  assert.match(f!.message, /not listening/);
  const [g] = await expectFindings(rule, { ...T, probeResponse: [response({ role: 'health', url: H, status: undefined, errorCode: 'UND_ERR_HEADERS_TIMEOUT' })] }, [`${H} high`]);
  assert.match(g!.message, /within 10\.00 s/);
});

test('health/unhealthy: 200 / 204 are healthy; without --health-path nothing is judged', async () => {
  await expectFindings(rule, { ...T, probeResponse: [response({ role: 'health', url: H, status: 204 })] }, []);
  await expectFindings(rule, { probeResponse: [response({ role: 'health', url: H, status: 503 })] }, []);
});
