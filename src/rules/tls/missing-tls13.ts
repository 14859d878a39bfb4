import { defineRule } from '../define.js';

export default defineRule({
  id: 'tls/missing-tls13',
  command: 'probe',
  severity: 'low',
  facts: ['probeTls'],
  title: { en: 'TLS 1.3 not offered', ja: 'TLS 1.3 が提供されていない' },
  description: {
    en: 'The server speaks TLS 1.2 but not 1.3. TLS 1.3 has a faster handshake (one round trip fewer), only forward-secret AEAD ciphers and no renegotiation; every current browser prefers it.',
    ja: 'サーバーは TLS 1.2 には対応していますが 1.3 に対応していません。TLS 1.3 はハンドシェイクが 1 往復少なく速いうえ、前方秘匿性のある AEAD 暗号のみで再ネゴシエーションもありません。現在のブラウザはすべて TLS 1.3 を優先します。',
  },
  fix: {
    en: 'Enable it: nginx `ssl_protocols TLSv1.2 TLSv1.3;` (needs OpenSSL ≥ 1.1.1), Apache `SSLProtocol -all +TLSv1.2 +TLSv1.3`; on a load balancer pick a policy that includes TLS 1.3.',
    ja: '有効にしてください。nginx は `ssl_protocols TLSv1.2 TLSv1.3;`（OpenSSL 1.1.1 以上が必要）、Apache は `SSLProtocol -all +TLSv1.2 +TLSv1.3`、ロードバランサーでは TLS 1.3 を含むポリシーを選びます。',
  },
  references: { cwe: [], equivalents: ['testssl TLS1_3', 'seed S1.13'] },
  check(facts, ctx) {
    const t = facts.probeTls[0];
    if (!t || t.protocols['TLSv1.3']?.accepted || !t.protocols['TLSv1.2']?.accepted) return;
    ctx.report({
      file: t.file,
      message: { en: 'The server does not offer TLS 1.3 (TLS 1.2 only)', ja: 'サーバーが TLS 1.3 を提供していません（TLS 1.2 のみ）' },
      evidence: `TLSv1.3: ${t.protocols['TLSv1.3']?.errorCode ?? 'not accepted'}`,
    });
  },
});
