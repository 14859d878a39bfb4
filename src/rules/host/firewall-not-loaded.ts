import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/firewall-not-loaded',
  severity: 'high',
  command: 'host',
  facts: ['hostFirewall', 'hostFirewallLive'],
  title: { en: 'The saved firewall is not what the kernel runs now', ja: '保存されたファイアウォールが現在カーネルで動いていない' },
  description: {
    en: 'The saved rules (ufw.conf ENABLED=yes, nftables.conf, iptables-persistent) only say what loads at boot. What protects the server now is the ruleset in the kernel: after `ufw disable`, `nft flush ruleset`, `iptables -F` or a failed load at boot, every listening port is open although the files look right. Live and as root honban reads the loaded ruleset (`nft list ruleset`, `iptables-save`, `ufw status verbose`, read-only) and compares.',
    ja: '保存された規則 (ufw.conf の ENABLED=yes、nftables.conf、iptables-persistent) は起動時に何が読み込まれるかを示すだけです。今サーバーを守っているのはカーネル内の規則です: `ufw disable`、`nft flush ruleset`、`iptables -F` や起動時の読み込み失敗の後は、ファイルが正しく見えても待ち受けているポートはすべて開いています。ライブかつ root なら honban は読み込まれている規則 (`nft list ruleset`、`iptables-save`、`ufw status verbose`、読み取りのみ) を読んで比べます。',
  },
  fix: { en: 'Load the saved rules now (`ufw enable`, `systemctl restart nftables`, `netfilter-persistent reload`), check with `nft list ruleset` that the input chain has `policy drop`, and find out what removed them (a script that runs `iptables -F`, a failed boot load in `journalctl -u nftables`).', ja: '保存された規則を今読み込み (`ufw enable`、`systemctl restart nftables`、`netfilter-persistent reload`)、`nft list ruleset` で input チェーンが `policy drop` か確認し、何が規則を消したかを調べます (`iptables -F` を実行するスクリプト、`journalctl -u nftables` にある起動時の読み込み失敗)。' },
  references: { cwe: ['CWE-284'] },
  check(facts, ctx) {
    const saved = facts.hostFirewall.filter((f) => f.enabled && f.defaultDeny);
    if (!saved.length) return; // host/firewall-disabled reports a firewall that is not even saved
    if (facts.hostFirewallLive.some((f) => f.active && f.defaultDeny)) return;
    const shown = facts.hostFirewallLive.map((f) => f.command);
    const loaded = facts.hostFirewallLive.find((f) => f.active);
    const f = saved[0]!;
    ctx.report({
      file: f.file,
      line: f.line,
      fingerprint: `firewall not loaded ${f.kind}`,
      message: loaded
        ? { en: `${f.kind} is enabled with a default deny in ${f.file}, but the loaded firewall (${loaded.command}) accepts incoming traffic it has no rule for`, ja: `${f.file} では ${f.kind} が既定拒否で有効ですが、読み込まれているファイアウォール (${loaded.command}) は規則のない着信を受け入れます` }
        : { en: `${f.kind} is enabled in ${f.file}, but no firewall is loaded now (${shown.length ? shown.join(', ') : 'nft, iptables-save and ufw are not installed'}): every listening port is open`, ja: `${f.file} では ${f.kind} が有効ですが、今はファイアウォールが読み込まれていません (${shown.length ? shown.join('、') : 'nft・iptables-save・ufw がインストールされていません'}): 待ち受けているポートはすべて開いています` },
    });
  },
});
