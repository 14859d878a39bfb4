import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cert, expectFindings, target, tlsFact, URL0 } from '../../testing/probe/harness.js';
import rule from './untrusted-certificate.js';

test('tls/untrusted-certificate: self-signed and missing-intermediate chains are critical, with the reason', async () => {
  const [f] = await expectFindings(rule, { probeTls: [tlsFact({ trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT', chain: [cert({ selfSigned: true })] })] }, [`${URL0} critical`]);
  assert.match(f!.message, /self-signed/);
  const [g] = await expectFindings(rule, { probeTls: [tlsFact({ trusted: false, trustError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' })] }, [`${URL0} critical`]);
  assert.match(g!.message, /intermediate certificate is missing/);
  const [h] = await expectFindings(rule, { probeTarget: [target({ insecure: true })], probeTls: [tlsFact({ trusted: false, trustError: 'SELF_SIGNED_CERT_IN_CHAIN' })] }, [`${URL0} critical`]);
  assert.match(h!.message, /--insecure/);
});

test('tls/untrusted-certificate: a trusted chain is silent; expiry is left to tls/certificate-expired', async () => {
  await expectFindings(rule, { probeTls: [tlsFact()] }, []);
  await expectFindings(rule, { probeTls: [tlsFact({ trusted: false, trustError: 'CERT_HAS_EXPIRED' })] }, []);
  await expectFindings(rule, { probeTls: [tlsFact({ trusted: false, chain: [] })] }, []);
});

test('tls/untrusted-certificate: a refusal caused by a SHA-1 signature or a small key is left to tls/weak-*', async () => {
  await expectFindings(rule, { probeTls: [tlsFact({ trusted: false, trustError: 'UNSPECIFIED', chain: [cert({ signatureAlgorithm: 'sha1WithRSAEncryption' })] })] }, []);
  await expectFindings(rule, { probeTls: [tlsFact({ trusted: false, trustError: 'EE_KEY_TOO_SMALL', chain: [cert({ keyType: 'rsa', keyBits: 1024 })] })] }, []);
  // Unknown reason and nothing weak: still reported.
  await expectFindings(rule, { probeTls: [tlsFact({ trusted: false, trustError: 'UNSPECIFIED' })] }, [`${URL0} critical`]);
});
