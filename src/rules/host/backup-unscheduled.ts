import { defineRule } from '../define.js';
import { scheduled } from './_util.js';

export default defineRule({
  id: 'host/backup-unscheduled',
  severity: 'medium',
  command: 'host',
  facts: ['hostSchedule', 'hostApp'],
  title: { en: 'No scheduled backup', ja: 'バックアップが定期実行されていない' },
  description: {
    en: 'The checklist runs a backup script (tar of the data directory, pg_dump) from cron every night. honban finds no cron line or timer that runs a backup tool or a backup script: the data exists in one place only.',
    ja: 'チェックリストは毎晩 cron でバックアップスクリプト (データディレクトリの tar、pg_dump) を実行します。バックアップツールやバックアップスクリプトを実行する cron やタイマーが見つからず、データは 1 か所にしかありません。',
  },
  fix: { en: 'Schedule it: `0 3 * * * /opt/app/backup.sh` (tar / pg_dump into /var/backups/<app>, `find … -mtime +30 -delete`), or waive naming the snapshot policy that replaces it.', ja: '定期実行します: `0 3 * * * /opt/app/backup.sh` (/var/backups/<app> へ tar / pg_dump、`find … -mtime +30 -delete`)。代わりのスナップショット方針があればその名前を書いて waiver にします。' },
  check(facts, ctx) {
    if (!facts.hostApp.length || scheduled(facts.hostSchedule, 'backup').length) return;
    ctx.report({ file: 'etc/cron.d', fingerprint: 'backup', message: { en: 'No cron job or systemd timer runs a backup', ja: 'バックアップを実行する cron ジョブや systemd タイマーがありません' } });
  },
});
