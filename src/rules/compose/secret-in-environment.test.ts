import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scan } from '../../commands/scan.js';
import { expectLines, text } from '../../testing/harness.js';
import rule from './secret-in-environment.js';

const SECRET = 'Zq8Vx2LmP0rT5wZ9cB3nK7hJ4fD6sA1g';
const AWS = 'AKIA' + 'IOSFODNN7EXAMPL1';

test('compose/secret-in-environment: literal secrets in map and list forms, and credential formats, are critical at the key', async () => {
  const findings = await expectLines(
    rule,
    {
      'docker-compose.yml': text(
        'services:',
        '  web:',
        '    image: acme/web:1.4',
        '    environment:',
        `      SECRET_KEY: ${SECRET}`,
        `      AWS_ID: ${AWS}`,
        '      FLASK_ENV: production',
        '  worker:',
        '    image: acme/web:1.4',
        '    environment:',
        `      - OPENAI_API_KEY=${SECRET}`,
        `      - "DATABASE_URL=postgres://app:${SECRET}@db/app"`,
      ),
    },
    ['docker-compose.yml:5', 'docker-compose.yml:6', 'docker-compose.yml:11', 'docker-compose.yml:12'],
  );
  assert.ok(findings.every((f) => f.severity === 'critical'));
  assert.match(findings[0]!.message, /Service "web" sets SECRET_KEY to a literal secret \(32 characters\)/);
  assert.match(findings[1]!.message, /AWS access key id/);
  for (const f of findings) assert.ok(!f.message.includes(SECRET) && !f.message.includes(AWS));
});

test('compose/secret-in-environment: references, pass-through, secret files, placeholders and weak DB passwords (own rules) are silent here', async () => {
  await expectLines(
    rule,
    {
      'docker-compose.yml': text(
        'services:',
        '  web:',
        '    image: acme/web:1.4',
        '    environment:',
        '      - SECRET_KEY=${SECRET_KEY}',
        '      - API_TOKEN=${API_TOKEN:?required}',
        '      - STRIPE_SECRET_KEY',
        '      - OPENAI_API_KEY=your_openai_api_key_here',
        '      - DB_PASSWORD_FILE=/run/secrets/db_password',
        '      - TOKEN_TTL=3600',
        '  db:',
        '    image: postgres:16',
        '    environment:',
        '      POSTGRES_PASSWORD: postgres',
      ),
    },
    [],
  );
});

test('compose/secret-in-environment: docker-compose.dev.yml is judged only for real credentials (a leak anywhere)', async () => {
  await expectLines(
    rule,
    { 'docker-compose.dev.yml': text('services:', '  web:', '    environment:', '      SECRET_KEY: dev-secret-key', '      API_PASSWORD: hunter22', `      GITHUB: ${'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'}`) },
    ['docker-compose.dev.yml:6'],
  );
  await expectLines(rule, { 'docker-compose.dev.yml': text('services:', '  web:', '    environment:', '      API_PASSWORD: hunter22') }, ['docker-compose.dev.yml:4'], { environment: 'development' });
});

test('compose/secret-in-environment: the value never appears in the report', async () => {
  const { report } = await scan({ files: [{ path: 'compose.yaml', content: text('services:', '  a:', '    environment:', `      - MAILGUN_API_KEY=${SECRET}`) }], rules: [rule], config: {} });
  assert.equal(report.findings.length, 1);
  assert.ok(!JSON.stringify(report).includes(SECRET));
});

test('compose/secret-in-environment: a compose file that runs the project\'s development settings is the local stack; its throw-away credentials are not leaks', async () => {
  const compose = text('services:', '  app:', '    environment:', '      DJANGO_SECRET_KEY: changeme', '      DATABASE_URL: postgres://app_user:changeme@db/app_db', '      DJANGO_SETTINGS_MODULE: shop.settings.dev', '    build: .');
  await expectLines(rule, { 'docker-compose.yml': compose, 'shop/settings/dev.py': 'DEBUG = True\n', 'shop/settings/production.py': 'DEBUG = False\n' }, []);
  // The same file running production settings is judged, and a strong credential is reported in any environment.
  await expectLines(rule, { 'docker-compose.yml': compose.replace('shop.settings.dev', 'shop.settings.production'), 'shop/settings/dev.py': 'DEBUG = True\n', 'shop/settings/production.py': 'DEBUG = False\n' }, ['docker-compose.yml:5']);
});

test('compose/secret-in-environment: a secret written as the fallback of a reference, also in a template', async () => {
  const KEY = 'c41f9e07b2d86a35e1c07f4b9d2a68e3f5b17c09d4e2a86f31b5c7d09e4f2a61';
  const file = text('services:', '  web:', '    image: example/shop:1.4', '    environment:', `      SECRET_KEY_BASE: \${SECRET_KEY_BASE:-${KEY}}`, '      API_TOKEN: ${API_TOKEN}', '      SESSION_SECRET: ${SESSION_SECRET:-}', '      DB_URL: ${DB_URL:-${FALLBACK_URL}}');
  const f = await expectLines(rule, { 'compose.example.yml': file, 'deploy/compose.yml': file }, ['compose.example.yml:5', 'deploy/compose.yml:5']);
  assert.equal(f[0]!.severity, 'high');
  assert.match(f[0]!.message, /SECRET_KEY_BASE falls back to a literal secret \(64 characters\)/);
  assert.ok(!JSON.stringify(f).includes(KEY));
  await expectLines(rule, { 'compose.yml': text('services:', '  web:', '    image: example/shop:1.4', '    environment:', '      SECRET_KEY_BASE: ${SECRET_KEY_BASE:?required}', '      JWT_SECRET: ${JWT_SECRET:-changeme}') }, []);
});

test('compose/secret-in-environment: one entry merged into several services (a YAML anchor) is one finding naming them', async () => {
  const f = await expectLines(
    rule,
    { 'deploy/compose.yml': text('x-env: &env', `  API_SECRET: ${SECRET}`, 'services:', '  web:', '    image: example/shop:1.4', '    environment:', '      <<: *env', '  worker:', '    image: example/shop:1.4', '    environment:', '      <<: *env') },
    ['deploy/compose.yml:2'],
  );
  assert.match(f[0]!.message, /^Services "web", "worker" set API_SECRET to a literal secret/);
});
