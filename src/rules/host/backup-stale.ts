import { defineRule } from '../define.js';
import { hoursSince } from './_util.js';

export default defineRule({
  id: 'host/backup-stale',
  severity: 'high',
  command: 'host',
  facts: ['hostBackup', 'hostInfo', 'hostSettings'],
  title: { en: 'The newest backup is too old (or there is none)', ja: '最新のバックアップが古すぎる (またはない)' },
  description: {
    en: 'A scheduled backup proves nothing until its files appear. The newest file in the backup directory is older than honban.yml `host.backupMaxAgeHours` (default 26 hours for a nightly job), or the directory is empty or missing: the job fails or writes elsewhere.',
    ja: 'バックアップは予定されていてもファイルができるまで何も証明しません。バックアップディレクトリの最新ファイルが honban.yml の `host.backupMaxAgeHours` (毎晩のジョブ向けの既定 26 時間) より古いか、ディレクトリが空・存在しないため、ジョブが失敗しているか別の場所に書いています。',
  },
  fix: { en: 'Run the backup script by hand, read its errors (cron mails them, or `journalctl -u <timer>`), fix it, and test a restore.', ja: 'バックアップスクリプトを手で実行してエラーを確認し (cron のメール、または `journalctl -u <タイマー>`)、直したうえでリストアを試します。' },
  check(facts, ctx) {
    const info = facts.hostInfo[0];
    const max = facts.hostSettings[0]!.backupMaxAgeHours;
    for (const b of facts.hostBackup) {
      if (!b.exists) {
        ctx.report({ file: b.file, message: { en: `The backup directory ${b.dir} does not exist`, ja: `バックアップディレクトリ ${b.dir} が存在しません` } });
        continue;
      }
      if (!b.newest) {
        ctx.report({ file: b.file, message: { en: `The backup directory ${b.dir} holds no backup file`, ja: `バックアップディレクトリ ${b.dir} にバックアップファイルがありません` } });
        continue;
      }
      const age = hoursSince(info, b.newest.mtime);
      if (age <= max) continue;
      ctx.report({ file: b.file, fingerprint: `${b.file} stale`, message: { en: `The newest backup in ${b.dir} (${b.newest.name}) is ${Math.round(age)} hours old (more than ${max})`, ja: `${b.dir} の最新のバックアップ (${b.newest.name}) は ${Math.round(age)} 時間前のものです (${max} 時間超)` } });
    }
  },
});
