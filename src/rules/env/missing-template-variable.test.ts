import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './missing-template-variable.js';

const example = text('# documented variables', 'SECRET_KEY=', 'DATABASE_URL=postgresql://user:pass@localhost/app', 'SMTP_HOST=smtp.example.com');

test('env/missing-template-variable: documented keys not set in the target are reported at the template line', async () => {
  const found = await expectEnvLines(
    rule,
    { '.env.example': example, '.env.development.example': text('DEV_ONLY=1'), '.env.production': text('SECRET_KEY=x', 'DATABASE_URL=postgresql://db/app') },
    ['.env.example:4'],
  );
  assert.equal(found[0]!.message, 'SMTP_HOST is documented in .env.example but not set in production');
});

test('env/missing-template-variable: silent when everything is set, or when honban.yml declares a schema', async () => {
  await expectEnvLines(rule, { '.env.example': example, '.env.production': text('SECRET_KEY=x', 'DATABASE_URL=postgresql://db/app'), '.env': text('SMTP_HOST=mail') }, []);
  await expectEnvLines(rule, { '.env.example': example }, [], { honbanYml: text('variables:', '  SECRET_KEY: { required: true }') });
});

test('env/missing-template-variable: development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { '.env.example': example }, [], { environment: 'development' });
});
