import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, target, tlsFact, URL0 } from '../../testing/probe/harness.js';
import rule from './unreachable.js';

const failed = (errorCode: string) => response({ status: undefined, headers: {}, errorCode, error: errorCode });

test('http/unreachable: connection refused and timeouts are critical, with the reason', async () => {
  const [f] = await expectFindings(rule, { probeResponse: [failed('ECONNREFUSED')] }, [`${URL0} critical`]);
  assert.match(f!.message, /nothing listens on app\.example\.test:443/);
  const [g] = await expectFindings(rule, { probeResponse: [failed('UND_ERR_HEADERS_TIMEOUT')] }, [`${URL0} critical`]);
  assert.match(g!.message, /no answer within 10\.00 s/);
});

test('http/unreachable: an answer, a certificate refusal, a broken TLS port or an unresolved name are not "unreachable"', async () => {
  await expectFindings(rule, { probeResponse: [response({ status: 500 })] }, []);
  await expectFindings(rule, { probeResponse: [failed('DEPTH_ZERO_SELF_SIGNED_CERT')] }, []);
  const broken = tlsFact({ accepted: [], negotiated: undefined, handshakeErrorCode: 'ERR_SSL_WRONG_VERSION_NUMBER' });
  await expectFindings(rule, { probeResponse: [failed('ERR_SSL_WRONG_VERSION_NUMBER')], probeTls: [broken] }, []);
  await expectFindings(rule, { probeTarget: [target({ dnsError: 'ENOTFOUND' })], probeResponse: [failed('ENOTFOUND')] }, []);
});
