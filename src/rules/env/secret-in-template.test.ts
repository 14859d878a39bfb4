import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './secret-in-template.js';

test('env/secret-in-template: a real-looking secret in .env.example', async () => {
  const findings = await expectLines(
    rule,
    {
      '.env.example': text('SECRET_KEY=Zq3xR8vN1pL6tY0wK4bH7mC2dF9gJ5sA', 'OPENAI_API_KEY=your_openai_api_key_here', 'DB_PASSWORD=changeme', 'DEBUG=True'),
      'config/.env.sample': text('DATABASE_URL=postgres://app:Xk8mP2qvL9rT4wZsQ1@db/app'),
    },
    ['.env.example:1', 'config/.env.sample:1'],
  );
  assert.ok(!JSON.stringify(findings).includes('Zq3xR8'));
});

test('env/secret-in-template: placeholders, references and non-template files are silent', async () => {
  await expectLines(
    rule,
    {
      '.env.template': text('SECRET_KEY=', 'JWT_SECRET=${JWT_SECRET}', 'DATABASE_URL=postgres://user:password@localhost/app', 'API_TOKEN=<token>'),
      '.env.production': text('SECRET_KEY=Zq3xR8vN1pL6tY0wK4bH7mC2dF9gJ5sA'),
    },
    [],
  );
});
