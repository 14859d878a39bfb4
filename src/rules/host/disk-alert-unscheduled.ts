import { defineRule } from '../define.js';
import { scheduled } from './_util.js';

export default defineRule({
  id: 'host/disk-alert-unscheduled',
  severity: 'low',
  command: 'host',
  facts: ['hostSchedule'],
  title: { en: 'No scheduled disk-usage alert', ja: 'ディスク使用量の警告が定期実行されていない' },
  description: {
    en: 'The checklist runs `df -h` daily and mails when a file system is over 80 %. Without it the first sign of a full disk is the outage it causes.',
    ja: 'チェックリストは毎日 `df -h` を実行し、ファイルシステムが 80 % を超えたらメールします。これがないと、ディスク満杯の最初の兆候はそれが引き起こす障害です。',
  },
  fix: { en: 'Add e.g. `0 9 * * * df -h --output=pcent,target | awk \'NR>1 && $1+0 > 80\' | mail -E -s "Disk usage alert" ops@example.com`, or waive naming the monitoring that does it.', ja: '例: `0 9 * * * df -h --output=pcent,target | awk \'NR>1 && $1+0 > 80\' | mail -E -s "Disk usage alert" ops@example.com` を追加するか、代わりの監視名を書いて waiver にします。' },
  check(facts, ctx) {
    if (scheduled(facts.hostSchedule, 'disk').length) return;
    ctx.report({ file: 'etc/cron.d', fingerprint: 'disk alert', message: { en: 'No cron job or systemd timer watches disk usage', ja: 'ディスク使用量を監視する cron ジョブや systemd タイマーがありません' } });
  },
});
