import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './forking-without-pidfile.js';
import { app, expectHostLines } from '../../testing/host-rules.js';

test('Type=forking without PIDFile= is reported at Type=', async () => {
  await expectHostLines(rule, { hostApp: [app({ type: { value: 'forking', line: 6 } })] }, ['etc/systemd/system/app.service:6']);
});

test('forking with PIDFile=, or Type=simple, passes', async () => {
  await expectHostLines(rule, { hostApp: [app({ type: { value: 'forking', line: 6 }, pidFile: { value: '/run/app.pid', line: 7 } })] }, []);
  await expectHostLines(rule, { hostApp: [app({ type: { value: 'simple', line: 6 } })] }, []);
  assert.ok(true);
});
