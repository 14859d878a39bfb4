import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './time-sync-missing.js';
import { expectHostLines } from '../../testing/host-rules.js';

test('no enabled time sync service is reported', async () => {
  await expectHostLines(rule, { hostTime: [{ file: 'etc/timezone', line: 1, timezone: 'Etc/UTC' }] }, ['etc/systemd/system:-']);
});

test('systemd-timesyncd enabled: nothing', async () => {
  await expectHostLines(rule, { hostTime: [{ file: 'etc/timezone', timezone: 'UTC', sync: { service: 'systemd-timesyncd', file: 'etc/systemd/system/sysinit.target.wants/systemd-timesyncd.service' } }] }, []);
  assert.ok(true);
});
