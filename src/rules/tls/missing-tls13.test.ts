import { test } from 'node:test';
import { expectFindings, tlsFact, URL0 } from '../../testing/probe/harness.js';
import rule from './missing-tls13.js';

test('tls/missing-tls13: TLS 1.2 without 1.3 is low', async () => {
  await expectFindings(rule, { probeTls: [tlsFact({ accepted: ['TLSv1.2'] })] }, [`${URL0} low`]);
});

test('tls/missing-tls13: 1.3 offered, or no TLS at all, is silent', async () => {
  await expectFindings(rule, { probeTls: [tlsFact({ accepted: ['TLSv1.2', 'TLSv1.3'] })] }, []);
  await expectFindings(rule, { probeTls: [tlsFact({ accepted: [] })] }, []);
});
