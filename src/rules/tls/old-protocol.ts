import { defineRule } from '../define.js';

export default defineRule({
  id: 'tls/old-protocol',
  command: 'probe',
  severity: 'high',
  facts: ['probeTls'],
  title: { en: 'Server accepts TLS 1.0 or 1.1', ja: 'サーバーが TLS 1.0 / 1.1 を受け付ける' },
  description: {
    en: 'TLS 1.0 and 1.1 are deprecated (RFC 8996): no current browser uses them, and they only serve downgrade attacks and clients too old to be safe. SSL Labs caps such a server at grade B; PCI DSS forbids them.',
    ja: 'TLS 1.0 と 1.1 は廃止済み（RFC 8996）で、現在のブラウザは使いません。残しておいてもダウングレード攻撃と安全でない古いクライアントの役にしか立ちません。SSL Labs では評価が B までに制限され、PCI DSS でも禁止されています。',
  },
  fix: {
    en: 'Offer TLS 1.2 and 1.3 only: nginx `ssl_protocols TLSv1.2 TLSv1.3;` (Mozilla "intermediate"), Apache `SSLProtocol -all +TLSv1.2 +TLSv1.3`, Node `minVersion: \'TLSv1.2\'`; on a load balancer choose a TLS 1.2+ security policy.',
    ja: 'TLS 1.2 と 1.3 のみを提供してください。nginx は `ssl_protocols TLSv1.2 TLSv1.3;`（Mozilla の intermediate 設定）、Apache は `SSLProtocol -all +TLSv1.2 +TLSv1.3`、Node は `minVersion: \'TLSv1.2\'`、ロードバランサーでは TLS 1.2 以上のセキュリティポリシーを選びます。',
  },
  references: { cwe: ['CWE-327'], equivalents: ['testssl TLS1', 'testssl TLS1_1', 'SSL Labs grade cap B', 'seed S1.13'] },
  check(facts, ctx) {
    const t = facts.probeTls[0];
    if (!t) return;
    const old = (['TLSv1', 'TLSv1.1'] as const).filter((v) => t.protocols[v]?.accepted);
    if (!old.length) return;
    const names = old.map((v) => (v === 'TLSv1' ? 'TLS 1.0' : 'TLS 1.1')).join(' and ');
    ctx.report({
      file: t.file,
      message: { en: `The server accepts ${names}: offer only TLS 1.2 and 1.3`, ja: `サーバーが ${names.replace(' and ', ' と ')} を受け付けます。TLS 1.2 と 1.3 のみにしてください` },
      evidence: old.map((v) => `${v}: ${t.protocols[v].cipher ?? 'accepted'}`).join(', '),
    });
  },
});
