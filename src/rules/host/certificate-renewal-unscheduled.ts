import { defineRule } from '../define.js';
import { scheduled } from './_util.js';

export default defineRule({
  id: 'host/certificate-renewal-unscheduled',
  severity: 'high',
  command: 'host',
  facts: ['hostCertificate', 'hostSchedule'],
  title: { en: 'Let\'s Encrypt certificates are installed but nothing renews them', ja: 'Let\'s Encrypt の証明書はあるが更新する仕組みがない' },
  description: {
    en: 'Certificates under /etc/letsencrypt last 90 days. The certbot package installs certbot.timer (or a cron.d entry) that runs `certbot renew` twice a day; neither is enabled here, so the certificate expires and the site fails with a certificate error.',
    ja: '/etc/letsencrypt の証明書は 90 日で失効します。certbot パッケージは 1 日 2 回 `certbot renew` を実行する certbot.timer (または cron.d の設定) を入れますが、ここではどちらも有効ではないため、証明書が失効してサイトが証明書エラーになります。',
  },
  fix: { en: '`systemctl enable --now certbot.timer` (or a cron line `0 */12 * * * certbot renew -q --deploy-hook "systemctl reload nginx"`), then check `certbot renew --dry-run`.', ja: '`systemctl enable --now certbot.timer` (または cron に `0 */12 * * * certbot renew -q --deploy-hook "systemctl reload nginx"`) を設定し、`certbot renew --dry-run` を確認します。' },
  check(facts, ctx) {
    const le = facts.hostCertificate.filter((c) => c.letsencrypt && c.exists);
    if (!le.length || scheduled(facts.hostSchedule, 'cert-renew').length) return;
    ctx.report({ file: le[0]!.file, fingerprint: 'certificate renewal', message: { en: `${le.length} Let's Encrypt certificate(s) but no enabled renewal (certbot.timer or a cron 'certbot renew')`, ja: `Let's Encrypt の証明書が ${le.length} 件ありますが、有効な更新 (certbot.timer または cron の 'certbot renew') がありません` } });
  },
});
