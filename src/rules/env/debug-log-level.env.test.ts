import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './debug-log-level.js';

test('env/debug-log-level (honban env): DEBUG / trace / numeric 10 are reported', async () => {
  const found = await expectEnvLines(rule, { 'env/production/common.env': text('LOG_LEVEL=DEBUG', 'MKS_LOG_LEVEL=trace', 'APP_LOG_LEVEL=10') }, ['env/production/common.env:1', 'env/production/common.env:2', 'env/production/common.env:3']);
  assert.equal(found[0]!.message, 'LOG_LEVEL is DEBUG in production: debug logs record request data and secrets in clear text');
  assert.equal(found[0]!.severity, 'low');
});

test('env/debug-log-level (honban env): INFO / WARNING are silent', async () => {
  await expectEnvLines(rule, { 'env/production/common.env': text('LOG_LEVEL=WARNING', 'MKS_LOG_LEVEL=info') }, []);
});

test('env/debug-log-level (honban env): development and staging are not judged (environment twin)', async () => {
  await expectEnvLines(rule, { 'env/development/common.env': text('LOG_LEVEL=DEBUG') }, [], { environment: 'development' });
});
