import { test } from 'node:test';
import rule from './firewall-live-port-open.js';
import { expectHostLines } from '../../testing/host-rules.js';

const allow = (port: number, line: number, over: Record<string, unknown> = {}) => ({ port, proto: 'tcp', from: 'any', file: 'host:nft list ruleset', line, ...over });
const live = (allows: object[], over: Record<string, unknown> = {}) => ({ file: 'host:nft list ruleset', kind: 'nftables', command: 'nft list ruleset', active: true, defaultDeny: true, allows, ...over });
const saved = (allows: object[], enabled = true) => ({ file: 'etc/ufw/ufw.conf', kind: 'ufw', enabled, defaultDeny: true, allows });

test('a port the loaded ruleset opens to the world and no saved rule opens is reported at the output line', async () => {
  await expectHostLines(rule, { hostFirewall: [saved([allow(22, 3, { file: 'etc/ufw/user.rules' })])], hostFirewallLive: [live([allow(22, 10), allow(8000, 11), allow(5432, 12), allow(9000, 13, { toPort: 9100 })])] }, ['host:nft list ruleset:11', 'host:nft list ruleset:12', 'host:nft list ruleset:13']);
  // Saved but disabled is not "saved open": the live rule is reported.
  await expectHostLines(rule, { hostFirewall: [saved([allow(8000, 3, { file: 'etc/ufw/user.rules' })], false)], hostFirewallLive: [live([allow(8000, 11)])] }, ['host:nft list ruleset:11']);
});

test('allowed ports, ports a saved enabled rule opens, restricted sources and an inactive ufw pass', async () => {
  await expectHostLines(
    rule,
    {
      hostFirewall: [saved([allow(8000, 3, { file: 'etc/ufw/user.rules' })])],
      hostFirewallLive: [live([allow(80, 5), allow(443, 6), allow(8000, 7), allow(5432, 8, { from: '10.0.0.0/8' })]), live([allow(6379, 4, { file: 'host:ufw status verbose' })], { kind: 'ufw', active: false })],
    },
    [],
  );
});
