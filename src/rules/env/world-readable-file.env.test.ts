import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './world-readable-file.js';

const SECRET = 'SECRET_KEY=q8Lm2Vz7Xc4Bn9Kp1Rt6Yw3Hj5Df0Ga8Se2Uo4Ii7';

test('env/world-readable-file (honban env): files wider than 600 are reported; high when they hold secrets', async () => {
  const found = await expectEnvLines(
    rule,
    {
      '.env': { content: text('LOG_LEVEL=INFO'), mode: 0o640 },
      '.env.production': { content: text(SECRET), mode: 0o644 },
    },
    ['.env:-', '.env.production:-'],
  );
  assert.equal(found[0]!.severity, 'low');
  assert.equal(found[1]!.severity, 'high');
  assert.equal(found[1]!.message, '.env.production has mode 644: readable by every user; it holds 1 secret value');
});

test('env/world-readable-file (honban env): mode 600 / 400 and unknown modes are silent', async () => {
  await expectEnvLines(rule, { '.env': { content: text('A=1'), mode: 0o600 }, '.env.production': { content: text(SECRET), mode: 0o400 }, 'env/production/app.env': text(SECRET) }, []);
});

test('env/world-readable-file (honban env): development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { '.env.development': { content: text(SECRET), mode: 0o644 } }, [], { environment: 'development' });
});
