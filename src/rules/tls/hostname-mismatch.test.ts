import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cert, expectFindings, tlsFact, URL0 } from '../../testing/probe/harness.js';
import rule from './hostname-mismatch.js';

test('tls/hostname-mismatch: a certificate for another name is critical and lists its names', async () => {
  const [f] = await expectFindings(rule, { probeTls: [tlsFact({ hostnameMatches: false, hostnameError: 'ERR_TLS_CERT_ALTNAME_INVALID', chain: [cert({ subjectAltNames: ['DNS:other.example.test'] })] })] }, [`${URL0} critical`]);
  assert.match(f!.message, /DNS:other\.example\.test/);
});

test('tls/hostname-mismatch: a matching certificate (or none at all) is silent', async () => {
  await expectFindings(rule, { probeTls: [tlsFact()] }, []);
  await expectFindings(rule, { probeTls: [tlsFact({ hostnameMatches: false, chain: [] })] }, []);
});
