import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cert, expectFindings, tlsFact, URL0 } from '../../testing/probe/harness.js';
import rule from './certificate-expired.js';

test('tls/certificate-expired: an expired leaf, an expired intermediate and a not-yet-valid leaf are critical', async () => {
  const [f] = await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert({ validTo: '2026-05-20T00:00:00.000Z' })] })] }, [`${URL0} critical`]);
  assert.match(f!.message, /expired 12 days ago \(2026-05-20\)/);
  await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert(), cert({ subject: 'CN=Old Intermediate', ca: true, validTo: '2026-01-01T00:00:00.000Z' })] })] }, [`${URL0} critical`]);
  const [g] = await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert({ validFrom: '2026-07-01T00:00:00.000Z' })] })] }, [`${URL0} critical`]);
  assert.match(g!.message, /server clock/);
});

test('tls/certificate-expired: valid certificates, and an expired root sent along, are silent', async () => {
  await expectFindings(rule, { probeTls: [tlsFact()] }, []);
  await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert(), cert({ subject: 'CN=Root', issuer: 'CN=Root', selfSigned: true, ca: true, validTo: '2020-01-01T00:00:00.000Z' })] })] }, []);
});
