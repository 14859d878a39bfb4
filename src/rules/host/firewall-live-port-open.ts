import { defineRule } from '../define.js';
import { DATA_PORTS } from './_util.js';

export default defineRule({
  id: 'host/firewall-live-port-open',
  severity: 'medium',
  command: 'host',
  facts: ['hostFirewall', 'hostFirewallLive', 'hostSettings'],
  title: { en: 'The loaded firewall opens a port to the world that no saved rule opens', ja: '読み込まれているファイアウォールが、保存された規則にないポートを全世界に開けている' },
  description: {
    en: 'A rule added by hand (`ufw allow 8000`, `iptables -A INPUT -p tcp --dport 5432 -j ACCEPT`) or by a tool works at once and is in no file a reviewer reads: the port is open to the world now, and the rule silently disappears (or stays) at the next reboot. Only `host.allowedPorts` (22, 80, 443 by default) should be open to anywhere. Ports the saved, enabled rules open are host/firewall-port-open\'s, at their line.',
    ja: '手で追加した規則 (`ufw allow 8000`、`iptables -A INPUT -p tcp --dport 5432 -j ACCEPT`) やツールが追加した規則はすぐに効き、レビューで読むどのファイルにもありません: ポートは今全世界に開いており、次の再起動で黙って消える (または残る) ことになります。どこからでも開けてよいのは `host.allowedPorts` (既定 22・80・443) だけです。保存された有効な規則が開けるポートは host/firewall-port-open がその行で報告します。',
  },
  fix: { en: 'Remove the rule from the running firewall (`ufw delete allow 8000/tcp`, `nft delete rule …`, `iptables -D INPUT …`), or restrict it to the addresses that need it and save it where the boot configuration lives (`/etc/ufw/user.rules` through ufw, `/etc/nftables.conf`, `netfilter-persistent save`).', ja: '動いているファイアウォールから規則を削除する (`ufw delete allow 8000/tcp`、`nft delete rule …`、`iptables -D INPUT …`) か、必要なアドレスだけに絞って起動時の設定に保存します (ufw 経由で `/etc/ufw/user.rules`、`/etc/nftables.conf`、`netfilter-persistent save`)。' },
  references: { cwe: ['CWE-284'] },
  check(facts, ctx) {
    const allowed = new Set(facts.hostSettings[0]!.allowedPorts);
    const savedOpen = (port: number) => facts.hostFirewall.some((f) => f.enabled && f.allows.some((r) => r.from === 'any' && (r.toPort ? port >= r.port && port <= r.toPort : r.port === port)));
    const seen = new Set<string>();
    for (const f of facts.hostFirewallLive) {
      if (!f.active) continue;
      for (const r of f.allows) {
        if (r.from !== 'any') continue;
        const range = r.toPort ? `${r.port}-${r.toPort}` : String(r.port);
        if (!r.toPort && (allowed.has(r.port) || savedOpen(r.port))) continue;
        if (r.toPort && savedOpen(r.port) && savedOpen(r.toPort)) continue;
        const key = `${range}/${r.proto}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const data = DATA_PORTS.has(r.port) || (r.toPort !== undefined && [...DATA_PORTS].some((p) => p >= r.port && p <= r.toPort!));
        ctx.report({ file: r.file, line: r.line, fingerprint: `live port ${key}`, severity: data ? 'high' : undefined, message: { en: `The loaded firewall (${f.command}) accepts port ${range}/${r.proto} from anywhere, and no saved rule does; allowed to the world: ${[...allowed].join(', ')}`, ja: `読み込まれているファイアウォール (${f.command}) はポート ${range}/${r.proto} を全アドレスから受け入れますが、保存された規則にはありません。全世界に許可するのは ${[...allowed].join('、')} だけです` } });
      }
    }
  },
});
