import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './app-unit-missing.js';
import { app, expectHostLines } from '../../testing/host-rules.js';

test('no application unit is reported', async () => {
  const [f] = await expectHostLines(rule, { hostApp: [] }, ['etc/systemd/system:-']);
  assert.match(f!.message, /host\.appUnit/);
});

test('an application unit found: nothing', async () => {
  await expectHostLines(rule, { hostApp: [app()] }, []);
});
