import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './temp-cleanup-missing.js';
import { app, cron, expectHostLines } from '../../testing/host-rules.js';

const uploads = { path: '/var/tmp/app/uploads', rel: 'var/tmp/app/uploads', exists: true, type: 'dir', mode: 0o750, purpose: 'temp', from: 'UPLOAD_FOLDER', file: 'etc/app/env', line: 8 };
const tmpfiles = (path: string, age?: string, over: Record<string, unknown> = {}) => ({ type: 'd', path, ...(age ? { age } : {}), file: 'etc/tmpfiles.d/app.conf', line: 1, ...over });
const cleanup = (entries: object[], timer = true, over: Record<string, unknown> = {}) => ({ file: 'etc/tmpfiles.d', entries, timer, ...over });

test('an upload directory nothing cleans is reported where it is named; an age without the timer too', async () => {
  await expectHostLines(rule, { hostApp: [app({ tempDirs: [uploads] })], hostTempCleanup: [cleanup([tmpfiles('/tmp', undefined, { type: 'D', file: 'usr/lib/tmpfiles.d/tmp.conf' })])], hostSchedule: [cron(['backup'])] }, ['etc/app/env:8']);
  const [f] = await expectHostLines(rule, { hostApp: [app({ tempDirs: [uploads] })], hostTempCleanup: [cleanup([tmpfiles('/var/tmp/app', '1d')], false, { maskedBy: 'etc/systemd/system/systemd-tmpfiles-clean.timer' })], hostSchedule: [] }, ['etc/app/env:8']);
  assert.match(f!.message, /masked/);
  // A cleanup job for another directory does not count.
  await expectHostLines(rule, { hostApp: [app({ tempDirs: [uploads] })], hostTempCleanup: [cleanup([])], hostSchedule: [cron(['retention'], { dirs: ['/var/backups/app'] })] }, ['etc/app/env:8']);
});

test('a tmpfiles.d age on the directory or a parent, or a scheduled find -delete / tmpreaper, passes; no temp directory, nothing to judge', async () => {
  await expectHostLines(rule, { hostApp: [app({ tempDirs: [uploads] })], hostTempCleanup: [cleanup([tmpfiles('/var/tmp/app/uploads', '1d')])], hostSchedule: [] }, []);
  await expectHostLines(rule, { hostApp: [app({ tempDirs: [uploads] })], hostTempCleanup: [cleanup([tmpfiles('/var/tmp', '30d', { type: 'q' })])], hostSchedule: [] }, []);
  await expectHostLines(rule, { hostApp: [app({ tempDirs: [uploads] })], hostTempCleanup: [cleanup([])], hostSchedule: [cron(['retention'], { dirs: ['/var/tmp/app/uploads'] })] }, []);
  await expectHostLines(rule, { hostApp: [app({ tempDirs: [uploads] })], hostTempCleanup: [cleanup([])], hostSchedule: [cron(['cleanup'], { dirs: ['/var/tmp/app'] })] }, []);
  await expectHostLines(rule, { hostApp: [app()], hostTempCleanup: [cleanup([])], hostSchedule: [] }, []);
});
