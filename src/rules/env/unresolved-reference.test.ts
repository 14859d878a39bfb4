import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './unresolved-reference.js';

test('env/unresolved-reference: self references, plain and required references without a value', async () => {
  const found = await expectEnvLines(
    rule,
    {
      'env/production/security.env': text('SECRET_KEY=${SECRET_KEY}', 'JWT_SECRET=${JWT_SECRET}'),
      'env/production/app.env': text('DATABASE_URL=postgresql://app:${DB_PASSWORD}@db/app', 'CACHE=${CACHE_HOST:?set the cache host}'),
    },
    ['env/production/app.env:1', 'env/production/app.env:2', 'env/production/security.env:1', 'env/production/security.env:2'],
  );
  assert.match(found[0]!.message, /DATABASE_URL refers to \$\{DB_PASSWORD\}, which is not set in production/);
  assert.match(found[1]!.message, /CACHE requires \$\{CACHE_HOST\}/);
  assert.match(found[2]!.message, /SECRET_KEY refers to itself/);
});

test('env/unresolved-reference: references resolved by lower layers, secrets, the process environment or defaults are silent', async () => {
  await expectEnvLines(
    rule,
    {
      '.env': text('DB_HOST=db.internal', 'SECRET_KEY=base-value-from-shared-file'),
      'env/production/security.env': text('SECRET_KEY=${SECRET_KEY}', 'JWT_SECRET=${JWT_SECRET}', "LITERAL='${NOT_EXPANDED}'"),
      'env/production/app.env': text('DATABASE_URL=postgresql://app:${DB_PASSWORD}@${DB_HOST}/app', 'CACHE=${CACHE_HOST:-localhost}', 'ESCAPED=\\$HOME'),
      '/run/secrets/jwt_secret': 'from-the-secrets-dir\n',
    },
    [],
    { secretsDir: '/run/secrets', processEnv: { DB_PASSWORD: 'from-process-env-1234' } },
  );
});

test('env/unresolved-reference: reference cycles do not hang and are reported', async () => {
  await expectEnvLines(rule, { '.env.production': text('A=${B}', 'B=${A}') }, ['.env.production:1', '.env.production:2']);
});
