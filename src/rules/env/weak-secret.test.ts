import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './weak-secret.js';

const STRONG = 'Zq3xR8vN1pL6tY0wK4bH7mC2dF9gJ5sA';

test('env/weak-secret: short, well-known and predictable secrets in production files', async () => {
  const findings = await expectLines(
    rule,
    {
      '.env.production': text(
        'FLASK_SECRET_KEY=change-me-locally',
        `STRONG_SECRET=${STRONG}`,
        'JWT_SECRET=short-but-not-known',
        'API_TOKEN=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        'DB_PASSWORD=Xk8mP2qvL9rT4wZs',
        'SECRET_KEY=',
        'DATABASE_URL=postgresql://user:pass@db.example.com:5432/app_db',
        'RATELIMIT_STORAGE_URI=redis://:redispass@redis.example.com:6379/0',
        'BCRYPT_SALT_ROUNDS=12',
        'SECRET_KEY_FILE=/run/secrets/key',
        'REF_SECRET=${SECRET_FROM_VAULT}',
        'PLACEHOLDER_SECRET=your_secret_here',
      ),
    },
    ['.env.production:1', '.env.production:3', '.env.production:4', '.env.production:6', '.env.production:7', '.env.production:8'],
  );
  const byLine = new Map(findings.map((f) => [f.line, f]));
  assert.equal(byLine.get(1)!.severity, 'high');
  assert.equal(byLine.get(6)!.severity, 'medium');
  assert.match(byLine.get(3)!.message, /^JWT_SECRET is too short \(19 characters/);
  assert.equal(byLine.get(7)!.column, 32, 'points at the password inside the URL');
  for (const f of findings) {
    for (const secret of ['change-me-locally', 'short-but-not-known', 'redispass', 'aaaaaaaa']) {
      assert.ok(!JSON.stringify(f).includes(secret), `finding leaks a secret: ${JSON.stringify(f)}`);
    }
  }
});

test('env/weak-secret: the same content in development and test files is not judged for production', async () => {
  const files = { '.env.development': text('SECRET_KEY=dev'), 'env/test/app.env': text('SECRET_KEY=test'), '.env.example': text('SECRET_KEY=changeme') };
  await expectLines(rule, files, []);
  // A development target is not judged (the judgement `honban env` had).
  await expectLines(rule, files, [], { environment: 'development' });
});

test('env/weak-secret: the shared .env counts for production; options lower the minimum length', async () => {
  await expectLines(rule, { '.env': text('SESSION_SECRET=0123456789abcdef0123') }, ['.env:1']);
  await expectLines(rule, { '.env': text('SESSION_SECRET=0123456789abcdef0123') }, [], { config: { rules: { 'env/weak-secret': { options: { minLength: 16 } } } } as never });
});
