import { defineRule } from '../define.js';
import { refusedAsWeak } from '../../facts/probe-queries.js';

const EXPLAIN: Record<string, { en: string; ja: string }> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: { en: 'it is self-signed', ja: '自己署名証明書です' },
  SELF_SIGNED_CERT_IN_CHAIN: { en: 'the chain ends in a root that is not trusted (a private CA?)', ja: 'チェーンの末端が信頼されていないルート（プライベート CA など）です' },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { en: 'its issuer is unknown: the intermediate certificate is missing from the chain, or the CA is not trusted', ja: '発行者が不明です: チェーンに中間証明書が含まれていないか、CA が信頼されていません' },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { en: 'its issuer is unknown: the intermediate certificate is missing from the chain, or the CA is not trusted', ja: '発行者が不明です: チェーンに中間証明書が含まれていないか、CA が信頼されていません' },
  UNABLE_TO_GET_ISSUER_CERT: { en: 'an issuer certificate of the chain cannot be found', ja: 'チェーン中の発行者証明書が見つかりません' },
  CERT_SIGNATURE_FAILURE: { en: 'a signature in the chain does not verify', ja: 'チェーン中の署名が検証できません' },
  CERT_REVOKED: { en: 'it is revoked', ja: '失効しています' },
  CERT_UNTRUSTED: { en: 'it is not trusted for server authentication', ja: 'サーバー認証用として信頼されていません' },
  CERT_REJECTED: { en: 'it is rejected for server authentication', ja: 'サーバー認証用として拒否されています' },
  INVALID_CA: { en: 'a certificate in the chain is not a valid CA', ja: 'チェーン中の証明書が有効な CA ではありません' },
};

export default defineRule({
  id: 'tls/untrusted-certificate',
  command: 'probe',
  severity: 'critical',
  facts: ['probeTls', 'probeTarget'],
  title: { en: 'Certificate chain not trusted', ja: '証明書チェーンが信頼されていない' },
  description: {
    en: 'The certificate chain does not verify against the system\'s trusted roots (plus --ca): browsers show a full-page warning, API clients refuse to connect, and users learn to click through warnings. Typical causes: a self-signed or development certificate left in place, or cert.pem served instead of fullchain.pem (missing intermediate).',
    ja: '証明書チェーンがシステムの信頼済みルート（と --ca）で検証できません。ブラウザは全画面の警告を表示し、API クライアントは接続を拒否し、利用者は警告を無視する癖がついてしまいます。開発用・自己署名の証明書が残っている、fullchain.pem ではなく cert.pem を設定して中間証明書が欠けている、といった原因が典型です。',
  },
  fix: {
    en: 'Install a certificate from a public CA (`certbot --nginx -d NAME`) and serve the full chain (`ssl_certificate /etc/letsencrypt/live/NAME/fullchain.pem;`). For an internal site signed by a private CA, probe with `--ca ca.pem` instead.',
    ja: '公的 CA の証明書を導入し（`certbot --nginx -d ホスト名`）、チェーン全体を返すようにしてください（`ssl_certificate /etc/letsencrypt/live/ホスト名/fullchain.pem;`）。プライベート CA で署名した社内サイトなら、`--ca ca.pem` を付けて確認してください。',
  },
  references: { cwe: ['CWE-295'], equivalents: ['testssl cert_chain_of_trust', 'SSL Labs grade T', 'seed S1.17'] },
  check(facts, ctx) {
    const t = facts.probeTls[0];
    if (!t || t.trusted || !t.chain.length) return;
    const code = t.trustError ?? 'UNKNOWN';
    if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return; // tls/certificate-expired
    if (refusedAsWeak(t) && t.chain.some((c, i) => !(i > 0 && c.selfSigned) && (/md2|md5|sha1/i.test(c.signatureAlgorithm ?? '') || ((c.keyType === 'rsa' || c.keyType === 'dsa') && (c.keyBits ?? 4096) < 2048)))) return; // tls/weak-signature, tls/weak-key
    const e = EXPLAIN[code] ?? { en: `verification failed (${code})`, ja: `検証に失敗しました（${code}）` };
    const insecure = facts.probeTarget[0]?.insecure;
    ctx.report({
      file: t.file,
      message: {
        en: `The certificate is not trusted: ${e.en}${insecure ? ' (the other checks ran because of --insecure)' : ''}`,
        ja: `証明書が信頼されていません: ${e.ja}${insecure ? '（--insecure のため他のチェックは実行しました）' : ''}`,
      },
      evidence: `${code}; subject ${t.chain[0]!.subject}; issuer ${t.chain[0]!.issuer}`,
    });
  },
});
