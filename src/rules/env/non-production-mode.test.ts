import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './non-production-mode.js';

test('env/non-production-mode: development / other environment names in production are reported', async () => {
  const found = await expectEnvLines(
    rule,
    { '.env': text('FLASK_ENV=development', 'NODE_ENV=production'), '.env.production': text('ENVIRONMENT=staging', 'RAILS_ENV=prod') },
    ['.env:1', '.env.production:1'],
  );
  assert.equal(found[0]!.message, 'FLASK_ENV is "development" in production');
});

test('env/non-production-mode: staging may name itself, but not development', async () => {
  await expectEnvLines(rule, { '.env.staging': text('ENVIRONMENT=staging', 'NODE_ENV=production', 'RAILS_ENV=development') }, ['.env.staging:3'], { environment: 'staging' });
});

test('env/non-production-mode: development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { '.env.development': text('FLASK_ENV=development') }, [], { environment: 'development' });
});
