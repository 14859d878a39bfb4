import { defineRule } from '../define.js';
import { targetOf } from '../../facts/probe-queries.js';
import { daysBetween } from '../../lib/numbers.js';

export default defineRule({
  id: 'tls/certificate-expired',
  command: 'probe',
  severity: 'critical',
  facts: ['probeTls', 'probeTarget'],
  title: { en: 'Certificate expired or not yet valid', ja: '証明書の有効期限切れ（または有効期間前）' },
  description: {
    en: 'A certificate the server sends is outside its validity period: every client rejects the connection. Usually renewal (certbot renew) failed or ran but the server was never reloaded; "not yet valid" points at a wrong server clock.',
    ja: 'サーバーが返す証明書が有効期間外のため、すべてのクライアントが接続を拒否します。多くは更新（certbot renew）が失敗したか、更新後にサーバーをリロードしていないことが原因です。「有効期間前」の場合はサーバーの時計のずれを疑ってください。',
  },
  fix: {
    en: 'Renew (`certbot renew`), reload the server (`systemctl reload nginx`), and make renewal reload it automatically (`--deploy-hook "systemctl reload nginx"`); check with `openssl s_client -connect HOST:443 | openssl x509 -noout -dates`.',
    ja: '証明書を更新し（`certbot renew`）、サーバーをリロードして（`systemctl reload nginx`）、更新時に自動でリロードされるようにしてください（`--deploy-hook "systemctl reload nginx"`）。確認は `openssl s_client -connect ホスト:443 | openssl x509 -noout -dates` で行えます。',
  },
  references: { cwe: ['CWE-298'], equivalents: ['testssl cert_expirationStatus', 'seed S1.12'] },
  check(facts, ctx) {
    const t = facts.probeTls[0];
    const target = targetOf(facts);
    if (!t || !target) return;
    const now = target.gatheredAt;
    t.chain.forEach((c, i) => {
      if (i > 0 && c.selfSigned) return; // a root sent along is not used for trust
      const what = i === 0 ? { en: 'The certificate', ja: '証明書' } : { en: `The intermediate certificate ${c.subject}`, ja: `中間証明書 ${c.subject}` };
      if (Date.parse(c.validTo) < Date.parse(now)) {
        const days = -daysBetween(now, c.validTo);
        ctx.report({
          file: t.file,
          message: { en: `${what.en} expired ${days} day${days === 1 ? '' : 's'} ago (${c.validTo.slice(0, 10)})`, ja: `${what.ja}の有効期限が ${days} 日前（${c.validTo.slice(0, 10)}）に切れています` },
          evidence: `notAfter ${c.validTo}`,
          fingerprint: `expired ${c.fingerprint256}`,
        });
      } else if (Date.parse(c.validFrom) > Date.parse(now)) {
        ctx.report({
          file: t.file,
          message: { en: `${what.en} is not valid before ${c.validFrom.slice(0, 10)}: is the server clock right?`, ja: `${what.ja}は ${c.validFrom.slice(0, 10)} より前は有効ではありません。サーバーの時計は正しいですか` },
          evidence: `notBefore ${c.validFrom}`,
        });
      }
    });
  },
});
