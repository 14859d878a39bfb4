import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './development-mode.js';

test('env/development-mode (honban env): development / other environment names in production are reported', async () => {
  const found = await expectEnvLines(
    rule,
    { '.env': text('FLASK_ENV=development', 'NODE_ENV=production'), '.env.production': text('ENVIRONMENT=staging', 'RAILS_ENV=prod') },
    ['.env:1', '.env.production:1'],
  );
  assert.match(found[0]!.message, /^FLASK_ENV is "development" in production: the framework runs with its/);
});

test('env/development-mode (honban env): staging may name itself, but not development', async () => {
  await expectEnvLines(rule, { '.env.staging': text('ENVIRONMENT=staging', 'NODE_ENV=production', 'RAILS_ENV=development') }, ['.env.staging:3'], { environment: 'staging' });
});

test('env/development-mode (honban env): development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { '.env.development': text('FLASK_ENV=development') }, [], { environment: 'development' });
});
