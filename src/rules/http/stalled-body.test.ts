import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './stalled-body.js';

test('http/stalled-body: headers then a body that times out or breaks off is high, once per URL', async () => {
  const stalled = response({ status: 200, bodyErrorCode: 'ETIMEDOUT', bodyError: 'the body did not finish within 8000 ms', bodyTruncated: true });
  const [f] = await expectFindings(rule, { probeResponse: [stalled, { ...stalled, role: 'cors-foreign' }] }, [`${URL0} high`]);
  assert.equal(f!.message, 'The page answered 200 and then stalled: the body did not finish within 10000 ms');
  const [g] = await expectFindings(rule, { probeResponse: [response({ status: 200, bodyErrorCode: 'UND_ERR_SOCKET' })] }, [`${URL0} high`]);
  assert.match(g!.message, /connection broke off in the body \(UND_ERR_SOCKET\)/);
});

test('http/stalled-body: complete answers and no answer at all are silent', async () => {
  await expectFindings(rule, { probeResponse: [response({ status: 200 })] }, []);
  await expectFindings(rule, { probeResponse: [response({ status: undefined, errorCode: 'ETIMEDOUT' })] }, []);
});
