import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines, runEnvRules } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './long-session-timeout.js';

test('env/long-session-timeout: lifetimes over 3600 s are reported', async () => {
  await expectEnvLines(rule, { 'env/production/common.env': text('SESSION_TIMEOUT=86400', 'SESSION_COOKIE_AGE=1209600') }, ['env/production/common.env:1', 'env/production/common.env:2']);
});

test('env/long-session-timeout: 3600 and below are silent; the maximum is an option', async () => {
  await expectEnvLines(rule, { 'env/production/common.env': text('SESSION_TIMEOUT=1800', 'PERMANENT_SESSION_LIFETIME=3600') }, []);
  const found = await runEnvRules(rule, { 'env/production/common.env': text('SESSION_TIMEOUT=1800') }, { config: { rules: { 'env/long-session-timeout': { options: { maxSeconds: 900 } } } } });
  assert.equal(found.length, 1);
});

test('env/long-session-timeout: development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { 'env/development/common.env': text('SESSION_TIMEOUT=86400') }, [], { environment: 'development' });
});
