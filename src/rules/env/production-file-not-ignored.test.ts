import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './production-file-not-ignored.js';

const SECRET = 'SECRET_KEY=Zq3xR8vN1pL6tY0wK4bH7mC2dF9gJ5sA';

test('env/production-file-not-ignored: tracked or unignored production env files (S2.8)', async () => {
  const findings = await expectLines(
    rule,
    [
      { path: '.gitignore', content: text('node_modules/') },
      { path: '.env.production', content: text('FLASK_ENV=production', SECRET, 'DATABASE_URL=postgres://app:Xk8mP2qvL9rT4wZsQ1@db/app'), gitTracked: true },
      { path: 'env/production/common.env', content: text('DEBUG=False'), gitTracked: false },
      { path: '.env', content: text('SECRET_KEY=${SECRET_KEY}'), gitTracked: false },
    ],
    ['.env:1', '.env.production:2', 'env/production/common.env:1'],
  );
  const prod = findings.find((f) => f.file === '.env.production')!;
  assert.equal(prod.severity, 'high');
  assert.match(prod.message, /^\.env\.production is committed to git; it holds 2 secret values \(SECRET_KEY, DATABASE_URL\)/);
  assert.match(prod.fix, /git rm --cached \.env\.production/);
  assert.ok(!JSON.stringify(findings).includes('Zq3xR8'), 'no secret in any field');
  assert.equal(findings.find((f) => f.file === 'env/production/common.env')!.severity, 'low');
});

test('env/production-file-not-ignored: a repository without .gitignore is named as such', async () => {
  const findings = await expectLines(rule, [{ path: '.env', content: text(SECRET) }], ['.env:1']);
  assert.match(findings[0]!.message, /the repository has no \.gitignore/);
});

test('env/production-file-not-ignored: ignored files, templates and development files are silent', async () => {
  await expectLines(
    rule,
    [
      { path: '.gitignore', content: text('.env*', '!.env.example') },
      { path: '.env.production', content: text(SECRET), gitIgnored: true },
      { path: '.env.example', content: text('SECRET_KEY=') },
      { path: '.env.development', content: text(SECRET) },
    ],
    [],
  );
});

test('env/production-file-not-ignored: a committed .flaskenv is by design, unless it holds a secret', async () => {
  await expectLines(rule, [{ path: '.gitignore', content: text('.env') }, { path: '.flaskenv', content: text('FLASK_APP=shop.py', 'FLASK_DEBUG=1'), gitTracked: true }], []);
  await expectLines(rule, [{ path: '.gitignore', content: text('.env') }, { path: '.flaskenv', content: text('FLASK_APP=shop.py', SECRET), gitTracked: true }], ['.flaskenv:2']);
});
