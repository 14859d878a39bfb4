import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './backup-retention-missing.js';
import { cron, expectHostLines } from '../../testing/host-rules.js';

const noBackupDir = { hostBackup: [] };

test('a backup script that never deletes old backups is reported at the script', async () => {
  await expectHostLines(rule, { hostSchedule: [cron(['backup'], { script: 'opt/app/backup.sh' })], ...noBackupDir }, ['opt/app/backup.sh:-']);
});

test('a retention shorter than host.backupRetentionDays is reported at the find line', async () => {
  const [f] = await expectHostLines(rule, { hostSchedule: [cron(['backup', 'retention'], { script: 'opt/app/backup.sh', retentionDays: 7, retentionLine: 6 })], ...noBackupDir }, ['opt/app/backup.sh:6']);
  assert.match(f!.message, /7 days.*30 days/);
});

test('files far older than the retention show the deletion does not work', async () => {
  await expectHostLines(rule, { hostSchedule: [cron(['backup', 'retention'], { script: 'opt/app/backup.sh', retentionDays: 30, retentionLine: 6 })], hostBackup: [{ file: 'var/backups/app', dir: '/var/backups/app', configured: false, exists: true, files: 40, oldest: { name: 'old.tar.gz', mtime: '2026-03-01T00:00:00.000Z' } }] }, ['var/backups/app:-']);
});

test('30-day retention that works passes; no backup scheduled, nothing to retain', async () => {
  await expectHostLines(rule, { hostSchedule: [cron(['backup', 'retention'], { script: 'opt/app/backup.sh', retentionDays: 30, retentionLine: 6 })], hostBackup: [{ file: 'var/backups/app', dir: '/var/backups/app', configured: false, exists: true, files: 20, oldest: { name: 'a.tar.gz', mtime: '2026-05-10T00:00:00.000Z' } }] }, []);
  await expectHostLines(rule, { hostSchedule: [], ...noBackupDir }, []);
});
