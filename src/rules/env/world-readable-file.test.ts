import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './world-readable-file.js';

const SECRET = 'SECRET_KEY=Zq3xR8vN1pL6tY0wK4bH7mC2dF9gJ5sA';

test('env/world-readable-file: a production env file with secrets and mode 644', async () => {
  const found = await expectLines(rule, [{ path: '.env.production', content: text('A=1', SECRET), mode: 0o644 }], ['.env.production:-']);
  assert.equal(found[0]!.severity, 'high');
});

test('env/world-readable-file: mode 600, unknown modes and development files are silent; without secrets it is low', async () => {
  const found = await expectLines(
    rule,
    [
      { path: '.env.production', content: text(SECRET), mode: 0o600 },
      { path: 'env/production/common.env', content: text('DEBUG=False'), mode: 0o644 },
      { path: '.env.staging', content: text(SECRET) },
      { path: '.env.development', content: text(SECRET), mode: 0o644 },
      { path: '.env', content: text(SECRET), mode: 0o640 },
      { path: 'deploy/production.env', content: text('SECRET_KEY=changethis', 'POSTGRES_PASSWORD=your-password-here'), mode: 0o644 },
    ],
    ['.env:-', 'deploy/production.env:-', 'env/production/common.env:-'],
  );
  // The shared .env is loaded in production too (honban env judged it): group-readable with a secret.
  // Placeholders are no secret to protect (env/placeholder-value reports them): low.
  assert.deepEqual(found.map((f) => `${f.file} ${f.severity}`), ['.env high', 'deploy/production.env low', 'env/production/common.env low']);
  assert.match(found[0]!.message, /^\.env has mode 640: readable by its group; it holds 1 secret value$/);
});
