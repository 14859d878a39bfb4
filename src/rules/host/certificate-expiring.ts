import { defineRule } from '../define.js';
import { daysUntil } from './_util.js';

export default defineRule({
  id: 'host/certificate-expiring',
  severity: 'high',
  command: 'host',
  facts: ['hostCertificate', 'hostInfo', 'hostSettings'],
  title: { en: 'A TLS certificate on the server has expired or expires soon', ja: 'サーバーの TLS 証明書が期限切れ、またはまもなく期限切れ' },
  description: {
    en: 'Let\'s Encrypt certificates live 90 days and certbot renews them 30 days before expiry. A certificate with fewer days left than honban.yml `host.certificateWarnDays` (default 30) means renewal is not happening; an expired one means browsers already refuse the site.',
    ja: 'Let\'s Encrypt の証明書の有効期間は 90 日で、certbot は期限の 30 日前に更新します。残り日数が honban.yml の `host.certificateWarnDays` (既定 30) より少ない証明書は更新が行われていないことを、期限切れの証明書はブラウザーが既にサイトを拒否していることを意味します。',
  },
  fix: { en: 'Run `certbot renew` (check `certbot renew --dry-run` and the certbot timer), reload nginx, and find why the scheduled renewal failed (`journalctl -u certbot`).', ja: '`certbot renew` を実行し (`certbot renew --dry-run` と certbot タイマーを確認)、nginx を reload して、予定された更新が失敗した理由を調べます (`journalctl -u certbot`)。' },
  references: { cwe: ['CWE-298'] },
  check(facts, ctx) {
    const info = facts.hostInfo[0];
    const warn = facts.hostSettings[0]!.certificateWarnDays;
    for (const c of facts.hostCertificate) {
      if (!c.notAfter) continue;
      const days = daysUntil(info, c.notAfter);
      const names = c.names?.length ? c.names.join(', ') : (c.subject ?? c.path);
      if (days < 0) ctx.report({ file: c.file, message: { en: `The certificate for ${names} expired on ${c.notAfter.slice(0, 10)}`, ja: `${names} の証明書は ${c.notAfter.slice(0, 10)} に期限切れになりました` } });
      else if (days < warn) ctx.report({ file: c.file, severity: days < 14 ? 'high' : 'medium', message: { en: `The certificate for ${names} expires on ${c.notAfter.slice(0, 10)} (in ${days} days): renewal is not happening`, ja: `${names} の証明書は ${c.notAfter.slice(0, 10)} に期限切れになります (あと ${days} 日): 更新が行われていません` } });
    }
  },
});
