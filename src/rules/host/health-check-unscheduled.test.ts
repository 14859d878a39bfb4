import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './health-check-unscheduled.js';
import { app, cron, expectHostLines } from '../../testing/host-rules.js';

test('an application without a scheduled health check is reported', async () => {
  await expectHostLines(rule, { hostApp: [app()], hostSchedule: [cron(['backup'])] }, ['etc/cron.d:-']);
});

test('a curl health check in cron passes; no application, nothing to check', async () => {
  await expectHostLines(rule, { hostApp: [app()], hostSchedule: [cron(['health'])] }, []);
  await expectHostLines(rule, { hostApp: [], hostSchedule: [] }, []);
  assert.ok(true);
});
