import { defineRule } from '../define.js';
import { scheduled } from './_util.js';

export default defineRule({
  id: 'host/health-check-unscheduled',
  severity: 'low',
  command: 'host',
  facts: ['hostSchedule', 'hostApp'],
  title: { en: 'No scheduled health check', ja: 'ヘルスチェックが定期実行されていない' },
  description: {
    en: 'The checklist runs `curl -f https://…/` every 5 minutes from cron and mails when it fails. Without a health check (cron, a systemd timer, or an external monitor you waive this for), an outage is noticed by users first.',
    ja: 'チェックリストは cron で 5 分ごとに `curl -f https://…/` を実行し、失敗したらメールします。ヘルスチェック (cron、systemd タイマー、または waiver を付けた外部監視) がないと、障害に最初に気付くのは利用者です。',
  },
  fix: { en: 'Add a cron line, e.g. `*/5 * * * * curl -fsS https://example.com/health || echo "health check failed" | mail -s "API down" ops@example.com`, or waive the rule naming the external monitor.', ja: 'cron を追加します (例: `*/5 * * * * curl -fsS https://example.com/health || echo "health check failed" | mail -s "API down" ops@example.com`)。外部監視を使う場合はその名前を書いて waiver にします。' },
  check(facts, ctx) {
    if (!facts.hostApp.length || scheduled(facts.hostSchedule, 'health').length) return;
    ctx.report({ file: 'etc/cron.d', fingerprint: 'health check', message: { en: 'No cron job or systemd timer checks the site\'s health', ja: 'サイトのヘルスチェックを行う cron ジョブや systemd タイマーがありません' } });
  },
});
