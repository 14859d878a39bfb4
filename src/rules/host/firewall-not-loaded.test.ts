import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './firewall-not-loaded.js';
import { expectHostLines } from '../../testing/host-rules.js';

const saved = { file: 'etc/ufw/ufw.conf', line: 2, kind: 'ufw', enabled: true, defaultDeny: true, allows: [] };
const live = (over: Record<string, unknown> = {}) => ({ file: 'host:nft list ruleset', kind: 'nftables', command: 'nft list ruleset', active: true, defaultDeny: true, allows: [], ...over });

test('saved rules enabled with a default deny, but nothing (or an accepting ruleset) loaded: reported at the saved file', async () => {
  const [a] = await expectHostLines(rule, { hostFirewall: [saved], hostFirewallLive: [live({ active: false, defaultDeny: false })] }, ['etc/ufw/ufw.conf:2']);
  assert.match(a!.message, /no firewall is loaded now \(nft list ruleset\)/);
  const [b] = await expectHostLines(rule, { hostFirewall: [saved], hostFirewallLive: [live({ defaultDeny: false })] }, ['etc/ufw/ufw.conf:2']);
  assert.match(b!.message, /accepts incoming traffic/);
  await expectHostLines(rule, { hostFirewall: [saved], hostFirewallLive: [] }, ['etc/ufw/ufw.conf:2']);
});

test('a loaded default deny passes; a firewall not even saved is host/firewall-disabled\'s', async () => {
  await expectHostLines(rule, { hostFirewall: [saved], hostFirewallLive: [live({ active: false, defaultDeny: false }), live({ kind: 'ufw', command: 'ufw status verbose' })] }, []);
  await expectHostLines(rule, { hostFirewall: [{ ...saved, enabled: false }], hostFirewallLive: [] }, []);
  await expectHostLines(rule, { hostFirewall: [], hostFirewallLive: [] }, []);
});
