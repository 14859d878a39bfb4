import { test } from 'node:test';
import { expectFindings, target, URL0 } from '../../testing/probe/harness.js';
import rule from './unresolved.js';

test('dns/unresolved: a name that does not resolve is critical', async () => {
  await expectFindings(rule, { probeTarget: [target({ addresses: [], dnsError: 'ENOTFOUND' })] }, [`${URL0} critical`]);
});

test('dns/unresolved: a resolved name is silent', async () => {
  await expectFindings(rule, { probeTarget: [target()] }, []);
});
