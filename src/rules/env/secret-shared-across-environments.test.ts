import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './secret-shared-across-environments.js';

const A = 'b7Qz2mX9pL4vN8kR3tW6yJ1cF5hD0sGqE2aU7iO9';
const B = 'Hn4Ve8Rt2Yp6Lk0Zx3Cm7Qw1Bs5Dj9Fg2Ua8Ir4O';

test('env/secret-shared-across-environments: staging and production sharing a key is reported', async () => {
  const found = await expectEnvLines(
    rule,
    {
      '.env.production': text('SECRET_KEY=' + A, 'API_TOKEN=' + B),
      'env/staging/app.env': text('# staging', 'SECRET_KEY=' + A),
      '.env.development': text('API_TOKEN=' + B),
    },
    ['.env.production:1', '.env.production:2'],
  );
  assert.equal(found[0]!.message, 'SECRET_KEY has the same value in production and staging (env/staging/app.env:2)');
  assert.match(found[1]!.message, /API_TOKEN has the same value in production and development \(\.env\.development:1\)/);
  assert.ok(!JSON.stringify(found).includes(A));
});

test('env/secret-shared-across-environments: a secret in the shared .env is inherited by every environment', async () => {
  const found = await expectEnvLines(rule, { '.env': text('SECRET_KEY=' + A), '.env.staging': text('X=1'), '.env.production': text('Y=2') }, ['.env:1'], { environment: 'staging' });
  assert.equal(found[0]!.message, 'SECRET_KEY comes from .env:1, which production inherits too');
  assert.match(found[0]!.fix, /Move SECRET_KEY out of \.env:1/);
});

test('env/secret-shared-across-environments: distinct values, non-secrets and weak defaults (reported elsewhere) are silent', async () => {
  await expectEnvLines(
    rule,
    {
      '.env.production': text('SECRET_KEY=' + A, 'REGION=ap-northeast-1', 'DB_PASSWORD=changeme'),
      '.env.staging': text('SECRET_KEY=' + B, 'REGION=ap-northeast-1', 'DB_PASSWORD=changeme'),
    },
    [],
  );
});

test('env/secret-shared-across-environments: development and test sharing a key is not reported; development sharing with production is', async () => {
  const files = { '.env': text('SECRET_KEY=' + A), '.env.development': text('X=1'), '.env.test': text('Y=1') };
  await expectEnvLines(rule, files, [], { environment: 'development' });
  await expectEnvLines(rule, { ...files, '.env.production': text('Z=1') }, ['.env:1'], { environment: 'development' });
});
