import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cert, expectFindings, tlsFact, URL0 } from '../../testing/probe/harness.js';
import rule from './certificate-expiring.js';

// Facts were gathered on 2026-06-01.
test('tls/certificate-expiring: ≤ 30 days is high, ≤ 60 days is low', async () => {
  const [f] = await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert({ validTo: '2026-06-21T00:00:00.000Z' })] })] }, [`${URL0} high`]);
  assert.match(f!.message, /expires in 20 days \(2026-06-21\)/);
  await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert({ validTo: '2026-07-01T00:00:00.000Z' })] })] }, [`${URL0} high`]);
  await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert({ validTo: '2026-07-21T00:00:00.000Z' })] })] }, [`${URL0} low`]);
});

test('tls/certificate-expiring: more than 60 days, or already expired, is silent; thresholds are options', async () => {
  await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert({ validTo: '2026-08-15T00:00:00.000Z' })] })] }, []);
  await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert({ validTo: '2026-05-01T00:00:00.000Z' })] })] }, []);
  await expectFindings(rule, { probeTls: [tlsFact({ chain: [cert({ validTo: '2026-08-15T00:00:00.000Z' })] })] }, [`${URL0} low`], { config: { rules: { 'tls/certificate-expiring': { options: { lowDays: 90 } } } } });
});
