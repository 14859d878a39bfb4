import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './missing-required.js';

const yml = text(
  'variables:',
  '  SECRET_KEY:',
  '    required: true',
  '    secret: true',
  '  DATABASE_URL:',
  '    required: true',
  '  SENTRY_DSN:',
  '    environments:',
  '      production:',
  '        required: true',
);

test('env/missing-required: absent and empty required variables point at their declaration', async () => {
  const found = await expectEnvLines(rule, { '.env.production': text('DATABASE_URL=', 'OTHER=1') }, ['honban.yml:2', 'honban.yml:5', 'honban.yml:9'], { honbanYml: yml });
  assert.match(found[0]!.message, /SECRET_KEY is required in production but not set \(looked in: \.env\.production\)/);
  assert.match(found[1]!.message, /DATABASE_URL .*empty/);
  assert.equal(found[2]!.key, 'SENTRY_DSN');
});

test('env/missing-required: set from any source is silent; the per-environment override applies only there', async () => {
  await expectEnvLines(
    rule,
    { '.env': text('DATABASE_URL=postgresql://db.internal/app'), '/run/secrets/secret_key': 'k\n' },
    ['honban.yml:9'],
    { honbanYml: yml, secretsDir: '/run/secrets' },
  );
  await expectEnvLines(rule, { '.env': text('DATABASE_URL=postgresql://db.internal/app') }, [], {
    honbanYml: yml,
    processEnv: { SECRET_KEY: 'from-the-process-environment' },
    environment: 'development',
  });
});

test('env/missing-required: an unresolved reference is left to env/unresolved-reference', async () => {
  await expectEnvLines(rule, { '.env.production': text('SECRET_KEY=${SECRET_KEY}', 'DATABASE_URL=postgresql://db/app') }, ['honban.yml:9'], { honbanYml: yml });
});
