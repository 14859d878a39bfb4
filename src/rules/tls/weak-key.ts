import { defineRule } from '../define.js';
import { refusedAsWeak } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'tls/weak-key',
  command: 'probe',
  severity: 'high',
  facts: ['probeTls'],
  title: { en: 'Certificate key too small', ja: '証明書の鍵長が短い' },
  description: {
    en: 'A certificate in the chain has an RSA / DSA key under 2048 bits or an EC key under 256 bits. Such keys are within reach of factoring / discrete-log attacks, public CAs no longer issue them, and OpenSSL at security level 2 refuses them.',
    ja: 'チェーン中の証明書の鍵が RSA / DSA で 2048 ビット未満、または EC で 256 ビット未満です。この鍵長は因数分解・離散対数による攻撃が現実的な範囲にあり、公的 CA はもう発行せず、OpenSSL のセキュリティレベル 2 でも拒否されます。',
  },
  fix: {
    en: 'Generate a new key — ECDSA P-256 (`certbot --key-type ecdsa`) or RSA 2048+ (`openssl genrsa 3072`) — and reissue the certificate.',
    ja: '新しい鍵（ECDSA P-256: `certbot --key-type ecdsa`、または RSA 2048 ビット以上: `openssl genrsa 3072`）を生成し、証明書を再発行してください。',
  },
  references: { cwe: ['CWE-326'], equivalents: ['testssl cert_keySize'] },
  check(facts, ctx) {
    const t = facts.probeTls[0];
    if (!t) return;
    // Modern clients (OpenSSL security level ≥ 1) refuse the chain outright: critical.
    const refused = refusedAsWeak(t);
    t.chain.forEach((c, i) => {
      if (i > 0 && c.selfSigned) return;
      if (!c.keyBits || !c.keyType) return;
      const min = c.keyType === 'rsa' || c.keyType === 'rsa-pss' || c.keyType === 'dsa' ? 2048 : c.keyType === 'ec' ? 256 : 0;
      if (c.keyBits >= min) return;
      const what = i === 0 ? { en: 'The certificate', ja: '証明書' } : { en: `The intermediate certificate ${c.subject}`, ja: `中間証明書 ${c.subject}` };
      ctx.report({
        file: t.file,
        ...(refused ? { severity: 'critical' as const } : {}),
        message: { en: `${what.en} has a ${c.keyBits}-bit ${c.keyType.toUpperCase()} key (minimum ${min})${refused ? ': current clients refuse the connection' : ''}`, ja: `${what.ja}の鍵が ${c.keyBits} ビットの ${c.keyType.toUpperCase()} です（最低 ${min} ビット）${refused ? '。現在のクライアントは接続を拒否します' : ''}` },
        evidence: `${c.keyType} ${c.keyBits}${c.curve ? ` ${c.curve}` : ''}`,
      });
    });
  },
});
