import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './backup-stale.js';
import { expectHostLines } from '../../testing/host-rules.js';

// The tests gather on 2026-06-01T00:00Z.
const backup = (over: object) => ({ hostBackup: [{ file: 'var/backups/app', dir: '/var/backups/app', configured: false, exists: true, files: 1, ...over }] });

test('a newest backup older than 26 hours is reported', async () => {
  const [f] = await expectHostLines(rule, backup({ newest: { name: 'data.tar.gz', mtime: '2026-05-27T03:00:00.000Z' } }), ['var/backups/app:-']);
  assert.match(f!.message, /117 hours/);
});

test('an empty or missing backup directory is reported', async () => {
  await expectHostLines(rule, backup({ files: 0 }), ['var/backups/app:-']);
  await expectHostLines(rule, backup({ exists: false, files: 0 }), ['var/backups/app:-']);
});

test('last night\'s backup passes; host.backupMaxAgeHours moves the line', async () => {
  await expectHostLines(rule, backup({ newest: { name: 'data.tar.gz', mtime: '2026-05-31T21:00:00.000Z' } }), []);
  await expectHostLines(rule, backup({ newest: { name: 'data.tar.gz', mtime: '2026-05-27T03:00:00.000Z' } }), [], { host: { backupMaxAgeHours: 24 * 7 } });
});
