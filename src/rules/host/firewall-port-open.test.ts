import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './firewall-port-open.js';
import { expectHostLines } from '../../testing/host-rules.js';

const fw = (allows: object[], enabled = true) => ({ hostFirewall: [{ file: 'etc/ufw/ufw.conf', kind: 'ufw', enabled, defaultDeny: true, allows }] });
const allow = (port: number, line: number, from = 'any', toPort?: number) => ({ port, ...(toPort ? { toPort } : {}), proto: 'tcp', from, file: 'etc/ufw/user.rules', line });

test('ports beyond 22/80/443 open to anywhere are reported; database ports are high', async () => {
  const fs = await expectHostLines(rule, fw([allow(22, 4), allow(8000, 7), allow(5432, 10)]), ['etc/ufw/user.rules:7', 'etc/ufw/user.rules:10']);
  assert.deepEqual(fs.map((f) => f.severity), ['medium', 'high']);
});

test('ranges are judged whole; host.allowedPorts widens the list', async () => {
  await expectHostLines(rule, fw([allow(6000, 3, 'any', 6500)]), ['etc/ufw/user.rules:3']);
  await expectHostLines(rule, fw([allow(8443, 3)]), [], { host: { allowedPorts: [22, 80, 443, 8443] } });
});

test('a rule restricted to a source network, or a disabled firewall, is not an open port', async () => {
  await expectHostLines(rule, fw([allow(5432, 4, '10.0.0.0/8')]), []);
  await expectHostLines(rule, fw([allow(5432, 4)], false), []);
});
