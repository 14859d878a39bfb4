import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './firewall-disabled.js';
import { expectHostLines } from '../../testing/host-rules.js';

const ufw = (enabled: boolean, defaultDeny = true) => ({ hostFirewall: [{ file: 'etc/ufw/ufw.conf', line: 2, kind: 'ufw', enabled, defaultDeny, allows: [] }] });

test('ufw configured but not enabled is reported at ENABLED=', async () => {
  const [f] = await expectHostLines(rule, ufw(false), ['etc/ufw/ufw.conf:2']);
  assert.match(f!.message, /not enabled/);
});

test('no firewall at all, or one that accepts by default, is reported', async () => {
  await expectHostLines(rule, { hostFirewall: [] }, ['etc/ufw/ufw.conf:-']);
  await expectHostLines(rule, ufw(true, false), ['etc/ufw/ufw.conf:2']);
});

test('an enabled default-deny firewall passes', async () => {
  await expectHostLines(rule, ufw(true), []);
});
