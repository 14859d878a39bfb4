import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './disk-alert-unscheduled.js';
import { cron, expectHostLines } from '../../testing/host-rules.js';

test('no scheduled df check is reported', async () => {
  await expectHostLines(rule, { hostSchedule: [cron(['health'])] }, ['etc/cron.d:-']);
});

test('a df alert passes; a disabled timer does not count', async () => {
  await expectHostLines(rule, { hostSchedule: [cron(['disk'])] }, []);
  await expectHostLines(rule, { hostSchedule: [cron(['disk'], { kind: 'timer', enabled: false })] }, ['etc/cron.d:-']);
  assert.ok(true);
});
