import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, tlsFact, URL0 } from '../../testing/probe/harness.js';
import rule from './unavailable.js';

test('tls/unavailable: a plain-HTTP server on the HTTPS port is named as such', async () => {
  const [f] = await expectFindings(rule, { probeTls: [tlsFact({ accepted: [], negotiated: undefined, handshakeErrorCode: 'ERR_SSL_WRONG_VERSION_NUMBER', chain: [] })] }, [`${URL0} critical`]);
  assert.match(f!.message, /not with TLS/);
});

test('tls/unavailable: working TLS, or a closed port (reported as unreachable), is silent', async () => {
  await expectFindings(rule, { probeTls: [tlsFact()] }, []);
  await expectFindings(rule, { probeTls: [tlsFact({ accepted: [], negotiated: undefined, handshakeErrorCode: 'ECONNREFUSED', chain: [] })] }, []);
  // Only TLS 1.0 works: a handshake is possible (tls/old-protocol reports it).
  await expectFindings(rule, { probeTls: [tlsFact({ accepted: ['TLSv1'], negotiated: undefined, handshakeErrorCode: 'ERR_SSL_UNSUPPORTED_PROTOCOL' })] }, []);
});
