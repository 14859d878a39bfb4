import { defineRule } from '../define.js';
import { hoursSince, scheduled } from './_util.js';

export default defineRule({
  id: 'host/backup-retention-missing',
  severity: 'medium',
  command: 'host',
  facts: ['hostSchedule', 'hostBackup', 'hostInfo', 'hostSettings'],
  title: { en: 'Backups are not kept for the retention period', ja: 'バックアップが保持期間どおりに保管されていない' },
  description: {
    en: 'The checklist keeps 30 days of backups (honban.yml `host.backupRetentionDays`) and deletes older ones (`find "$BACKUP_DIR" -mtime +30 -delete`). Without the deletion the backups fill the disk; with a shorter one, the copy from before a slowly-noticed problem is gone; with files much older than the period, the deletion does not work.',
    ja: 'チェックリストは 30 日分のバックアップを保持し (honban.yml の `host.backupRetentionDays`)、それより古いものを削除します (`find "$BACKUP_DIR" -mtime +30 -delete`)。削除がないとバックアップがディスクを埋め、短すぎると気付くのが遅れた問題の前のコピーが消え、期間よりずっと古いファイルが残っていれば削除が機能していません。',
  },
  fix: { en: 'End the backup script with `find "$BACKUP_DIR" -name "*.tar.gz" -mtime +30 -delete` (the configured number of days) and check that it runs.', ja: 'バックアップスクリプトの最後に `find "$BACKUP_DIR" -name "*.tar.gz" -mtime +30 -delete` (設定した日数) を置き、実行されていることを確認します。' },
  check(facts, ctx) {
    const days = facts.hostSettings[0]!.backupRetentionDays;
    const backups = scheduled(facts.hostSchedule, 'backup');
    if (!backups.length) return;
    const retention = scheduled(facts.hostSchedule, 'retention');
    if (!retention.length) {
      const b = backups[0]!;
      ctx.report({ file: b.script ?? b.file, line: b.script ? undefined : b.line, fingerprint: 'retention missing', message: { en: `The backup (${b.script ?? b.program}) never deletes old backups: they pile up until the disk is full (keep ${days} days)`, ja: `バックアップ (${b.script ?? b.program}) が古いバックアップを削除しないため、ディスクが満杯になるまで溜まります (${days} 日保持してください)` } });
      return;
    }
    for (const r of retention) {
      if (r.retentionDays === undefined || r.retentionDays >= days) continue;
      ctx.report({ file: r.script ?? r.file, line: r.script ? r.retentionLine : r.line, message: { en: `Backups are deleted after ${r.retentionDays} days; the retention period is ${days} days`, ja: `バックアップは ${r.retentionDays} 日で削除されます。保持期間は ${days} 日です` } });
    }
    const info = facts.hostInfo[0];
    for (const b of facts.hostBackup) {
      if (!b.oldest) continue;
      const ageDays = hoursSince(info, b.oldest.mtime) / 24;
      if (ageDays <= days + 7) continue;
      ctx.report({ file: b.file, fingerprint: `${b.file} old`, severity: 'low', message: { en: `${b.dir} still holds ${b.oldest.name}, ${Math.round(ageDays)} days old: the deletion of old backups does not work`, ja: `${b.dir} に ${Math.round(ageDays)} 日前の ${b.oldest.name} が残っています: 古いバックアップの削除が機能していません` } });
    }
  },
});
