import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cert, expectFindings, tlsFact, URL0 } from '../../testing/probe/harness.js';
import rule from './weak-key.js';

test('tls/weak-key: RSA 1024 and EC 192 are high', async () => {
  const [f] = await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert({ keyType: 'rsa', keyBits: 1024, curve: undefined })] })] }, [`${URL0} high`]);
  assert.match(f!.message, /1024-bit RSA key \(minimum 2048\)/);
  await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert({ keyType: 'ec', keyBits: 192, curve: 'prime192v1' })] })] }, [`${URL0} high`]);
});

test('tls/weak-key: RSA 2048, EC P-256 and Ed25519 are silent', async () => {
  await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert({ keyType: 'rsa', keyBits: 2048 })] })] }, []);
  await expectFindings(rule, { probeTls: [tlsFact()] }, []);
  await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert({ keyType: 'ed25519', keyBits: 256 })] })] }, []);
});
