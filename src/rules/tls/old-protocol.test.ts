import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, tlsFact, URL0 } from '../../testing/probe/harness.js';
import rule from './old-protocol.js';

test('tls/old-protocol: TLS 1.0 / 1.1 accepted is high and names the versions', async () => {
  const [f] = await expectFindings(rule, { probeTls: [tlsFact({ accepted: ['TLSv1', 'TLSv1.1', 'TLSv1.2'] })] }, [`${URL0} high`]);
  assert.match(f!.message, /TLS 1\.0 and TLS 1\.1/);
  await expectFindings(rule, { probeTls: [tlsFact({ accepted: ['TLSv1.1', 'TLSv1.2', 'TLSv1.3'] })] }, [`${URL0} high`]);
});

test('tls/old-protocol: TLS 1.2 / 1.3 only is silent', async () => {
  await expectFindings(rule, { probeTls: [tlsFact({ accepted: ['TLSv1.2', 'TLSv1.3'] })] }, []);
});
