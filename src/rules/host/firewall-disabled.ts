import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/firewall-disabled',
  severity: 'high',
  command: 'host',
  facts: ['hostFirewall'],
  title: { en: 'No host firewall is enabled', ja: 'ホストのファイアウォールが有効になっていない' },
  description: {
    en: 'The checklist enables ufw with only 22, 80 and 443 allowed. Without an enabled firewall that drops what it does not allow, every service that listens on a public address — the application server\'s port 8000, a database, a debug port — is reachable from the internet the moment it starts.',
    ja: 'チェックリストは 22・80・443 だけを許可して ufw を有効にします。許可していない通信を破棄するファイアウォールが有効でないと、公開アドレスで待ち受けるサービス (アプリサーバーの 8000 番、データベース、デバッグ用ポート) は起動した瞬間からインターネットから到達できます。',
  },
  fix: { en: '`ufw default deny incoming && ufw allow 22/tcp && ufw allow 80/tcp && ufw allow 443/tcp && ufw enable` (or an nftables input chain with `policy drop`, enabled at boot).', ja: '`ufw default deny incoming && ufw allow 22/tcp && ufw allow 80/tcp && ufw allow 443/tcp && ufw enable` (または `policy drop` の nftables input チェーンを起動時に有効化) を実行します。' },
  references: { cwe: ['CWE-284'], equivalents: ['Lynis FIRE-4512'] },
  check(facts, ctx) {
    if (facts.hostFirewall.some((f) => f.enabled && f.defaultDeny)) return;
    if (!facts.hostFirewall.length) {
      ctx.report({ file: 'etc/ufw/ufw.conf', fingerprint: 'no firewall', message: { en: 'No firewall configuration was found (ufw, nftables, iptables-persistent): every listening port is open', ja: 'ファイアウォールの設定 (ufw、nftables、iptables-persistent) が見つかりません: 待ち受けているポートはすべて開いています' } });
      return;
    }
    for (const f of facts.hostFirewall) {
      ctx.report({
        file: f.file,
        line: f.line,
        message: f.enabled
          ? { en: `${f.kind} is enabled but accepts incoming traffic it has no rule for (default policy is not deny/drop)`, ja: `${f.kind} は有効ですが、規則のない着信を受け入れます (既定ポリシーが deny/drop ではありません)` }
          : { en: `${f.kind} is configured but not enabled`, ja: `${f.kind} は設定されていますが有効になっていません` },
      });
    }
  },
});
