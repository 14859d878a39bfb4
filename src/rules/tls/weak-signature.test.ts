import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cert, expectFindings, tlsFact, URL0 } from '../../testing/probe/harness.js';
import rule from './weak-signature.js';

test('tls/weak-signature: a SHA-1 signed leaf or intermediate is high', async () => {
  const [f] = await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert({ signatureAlgorithm: 'sha1WithRSAEncryption', signatureOid: '1.2.840.113549.1.1.5' })] })] }, [`${URL0} high`]);
  assert.match(f!.message, /sha1WithRSAEncryption/);
  await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert(), cert({ subject: 'CN=Old CA', ca: true, signatureAlgorithm: 'md5WithRSAEncryption' })] })] }, [`${URL0} high`]);
});

test('tls/weak-signature: SHA-256 chains, and a SHA-1 self-signed root sent along, are silent', async () => {
  await expectFindings(rule, { probeTls: [tlsFact()] }, []);
  await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert(), cert({ subject: 'CN=Root', selfSigned: true, ca: true, signatureAlgorithm: 'sha1WithRSAEncryption' })] })] }, []);
});

test('tls/weak-signature: critical when clients refuse the chain because of it', async () => {
  const sha1 = cert({ signatureAlgorithm: 'ecdsa-with-SHA1', signatureOid: '1.2.840.10045.4.1' });
  const [f] = await expectFindings(rule, { probeTls: [tlsFact({ trusted: false, trustError: 'UNSPECIFIED', chain: [sha1] })] }, [`${URL0} critical`]);
  assert.match(f!.message, /clients refuse the connection/);
});
