import { defineRule } from '../define.js';
import { targetOf } from '../../facts/probe-queries.js';
import { daysBetween, numOption } from '../../lib/numbers.js';

export default defineRule({
  id: 'tls/certificate-expiring',
  command: 'probe',
  severity: 'high',
  facts: ['probeTls', 'probeTarget'],
  title: { en: 'Certificate expires soon', ja: '証明書の有効期限が近い' },
  description: {
    en: 'The certificate expires within 30 days (high) or 60 days (low). Let\'s Encrypt certificates live 90 days and certbot renews them at 30 days left, so 30 days or less usually means renewal is failing.',
    ja: '証明書の有効期限が 30 日以内（高）または 60 日以内（低）です。Let\'s Encrypt の証明書は有効期間 90 日で、certbot は残り 30 日で更新するため、30 日以下ということは更新が失敗している可能性が高いです。',
  },
  fix: {
    en: 'Run `certbot renew --dry-run` to see why renewal fails (port 80 / ACME path blocked, DNS changed), fix it, and monitor expiry (e.g. run `honban probe` on a schedule).',
    ja: '`certbot renew --dry-run` で更新が失敗する理由（80 番ポートや ACME のパスがブロックされている、DNS が変わったなど）を確認して直し、有効期限を監視してください（定期的に `honban probe` を実行するなど）。',
  },
  references: { cwe: ['CWE-298'], equivalents: ['testssl cert_expirationStatus', 'seed S1.12', 'seed S1.20'] },
  check(facts, ctx) {
    const t = facts.probeTls[0];
    const target = targetOf(facts);
    if (!t || !target) return;
    const high = numOption(ctx.options, 'highDays', 30);
    const low = numOption(ctx.options, 'lowDays', 60);
    t.chain.forEach((c, i) => {
      if (i > 0 && c.selfSigned) return;
      if (Date.parse(c.validTo) < Date.parse(target.gatheredAt)) return; // tls/certificate-expired
      const days = daysBetween(target.gatheredAt, c.validTo);
      if (days > low) return;
      const what = i === 0 ? { en: 'The certificate', ja: '証明書' } : { en: `The intermediate certificate ${c.subject}`, ja: `中間証明書 ${c.subject}` };
      ctx.report({
        file: t.file,
        severity: days <= high ? 'high' : 'low',
        message: { en: `${what.en} expires in ${days} day${days === 1 ? '' : 's'} (${c.validTo.slice(0, 10)})`, ja: `${what.ja}の有効期限まであと ${days} 日です（${c.validTo.slice(0, 10)}）` },
        evidence: `notAfter ${c.validTo}`,
        fingerprint: `expiring ${c.fingerprint256}`,
      });
    });
  },
});
