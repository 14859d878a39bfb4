import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './app-not-enabled.js';
import { app, expectHostLines } from '../../testing/host-rules.js';

test('a unit with WantedBy= but no .wants link is reported at [Install]', async () => {
  const [f] = await expectHostLines(rule, { hostApp: [app({ enabledBy: [] })] }, ['etc/systemd/system/app.service:14']);
  assert.match(f!.message, /multi-user\.target\.wants/);
});

test('a unit without [Install] is reported at [Service]', async () => {
  await expectHostLines(rule, { hostApp: [app({ enabledBy: [], wantedBy: [], installLine: undefined })] }, ['etc/systemd/system/app.service:5']);
});

test('an enabled unit passes', async () => {
  await expectHostLines(rule, { hostApp: [app()] }, []);
  assert.ok(true);
});
