import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './backup-unscheduled.js';
import { app, cron, expectHostLines } from '../../testing/host-rules.js';

test('an application without a scheduled backup is reported', async () => {
  await expectHostLines(rule, { hostApp: [app()], hostSchedule: [cron(['health'])] }, ['etc/cron.d:-']);
});

test('a scheduled backup passes', async () => {
  await expectHostLines(rule, { hostApp: [app()], hostSchedule: [cron(['backup', 'retention'])] }, []);
  assert.ok(true);
});
