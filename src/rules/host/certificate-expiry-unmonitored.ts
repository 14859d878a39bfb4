import { defineRule } from '../define.js';
import { scheduled } from './_util.js';

export default defineRule({
  id: 'host/certificate-expiry-unmonitored',
  severity: 'low',
  command: 'host',
  facts: ['hostSchedule', 'hostCertificate'],
  title: { en: 'Certificate expiry is not monitored', ja: '証明書の有効期限が監視されていない' },
  description: {
    en: 'Renewal can fail silently (a changed DNS record, a blocked port 80, a broken hook). The checklist reports `certbot certificates` weekly; honban looks for a scheduled `certbot certificates`, `openssl x509 -checkend` or an expiry-check script.',
    ja: '更新は黙って失敗することがあります (DNS の変更、80 番の遮断、フックの故障)。チェックリストは毎週 `certbot certificates` を報告します。honban は定期実行される `certbot certificates`、`openssl x509 -checkend`、期限確認スクリプトを探します。',
  },
  fix: { en: 'Add e.g. `0 9 * * 1 certbot certificates | mail -s "SSL Certificate Status" ops@example.com`, or waive naming the external expiry monitor.', ja: '例: `0 9 * * 1 certbot certificates | mail -s "SSL Certificate Status" ops@example.com` を追加するか、外部の期限監視の名前を書いて waiver にします。' },
  check(facts, ctx) {
    const certs = facts.hostCertificate.filter((c) => c.exists);
    if (!certs.length || scheduled(facts.hostSchedule, 'cert-expiry').length) return;
    ctx.report({ file: 'etc/cron.d', fingerprint: 'certificate expiry', message: { en: `${certs.length} certificate(s) on the server, but nothing scheduled checks their expiry`, ja: `サーバーに証明書が ${certs.length} 件ありますが、有効期限を確認する定期実行がありません` } });
  },
});
