import { defineRule } from '../define.js';
import { refusedAsWeak } from '../../facts/probe-queries.js';

const WEAK = /md2|md5|sha1|SHA1/;

export default defineRule({
  id: 'tls/weak-signature',
  command: 'probe',
  severity: 'high',
  facts: ['probeTls'],
  title: { en: 'Certificate signed with a broken hash', ja: '証明書の署名に脆弱なハッシュが使われている' },
  description: {
    en: 'A certificate in the chain is signed with MD5 or SHA-1. Collisions for both are practical (SHAttered, 2017), so such a signature can be forged; browsers reject SHA-1 certificates.',
    ja: 'チェーン中の証明書が MD5 または SHA-1 で署名されています。どちらも衝突が現実に作れる（SHAttered, 2017）ため署名を偽造され得ます。ブラウザは SHA-1 の証明書を拒否します。',
  },
  fix: {
    en: 'Reissue the certificate with a SHA-256 (or stronger) signature; every public CA does this by default. For a private CA: `openssl req … -sha256` / `openssl x509 -req … -sha256`.',
    ja: 'SHA-256 以上の署名で証明書を再発行してください（公的 CA は既定でそうなっています）。プライベート CA なら `openssl req … -sha256` や `openssl x509 -req … -sha256` を使います。',
  },
  references: { cwe: ['CWE-328'], equivalents: ['testssl cert_signatureAlgorithm'] },
  check(facts, ctx) {
    const t = facts.probeTls[0];
    if (!t) return;
    // Modern clients (OpenSSL security level ≥ 1) refuse the chain outright: critical.
    const refused = refusedAsWeak(t);
    t.chain.forEach((c, i) => {
      if (i > 0 && c.selfSigned) return; // a trust anchor's own signature is never checked
      if (!c.signatureAlgorithm || !WEAK.test(c.signatureAlgorithm)) return;
      const what = i === 0 ? { en: 'The certificate', ja: '証明書' } : { en: `The intermediate certificate ${c.subject}`, ja: `中間証明書 ${c.subject}` };
      ctx.report({
        file: t.file,
        ...(refused ? { severity: 'critical' as const } : {}),
        message: { en: `${what.en} is signed with ${c.signatureAlgorithm}${refused ? ': current clients refuse the connection' : ''}`, ja: `${what.ja}が ${c.signatureAlgorithm} で署名されています${refused ? '。現在のクライアントは接続を拒否します' : ''}` },
        evidence: `${c.signatureAlgorithm} (${c.signatureOid})`,
      });
    });
  },
});
