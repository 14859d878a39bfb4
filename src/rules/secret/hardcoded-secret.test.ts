import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './hardcoded-secret.js';

const GITHUB = 'ghp_' + 'A1b2C3d4E5'.repeat(3) + 'f6G7H8';

test('secret/hardcoded-secret: literal secrets in YAML, JSON, INI, TOML and .npmrc', async () => {
  const findings = await expectLines(
    rule,
    {
      'config/app.yml': text(
        'database:',
        '  host: db.internal',
        '  password: "Xk8mP2qvL9rT4wZs"',
        'session:',
        '  secret: keyboard cat',
        '  token_ttl: 3600',
        'api_key: ${API_KEY}',
        'vault_pw: !vault |',
        '  $ANSIBLE_VAULT;1.1;AES256',
        'signing_key: "{{ vault_signing_key }}"',
        'client_secret: !Ref ClientSecret',
        `github_token: ${GITHUB}`,
      ),
      'appsettings.json': text('{', '  "Smtp": { "Password": "s3cr3t-Passw0rd-2024" },', '  "Labels": { "password": "Forgot your password?" }', '}'),
      'setup.cfg': text('[smtp]', 'password = hunter2hunter2 ; inline comment', 'user = app', 'token = %(token_from_env)s'),
      'pyproject.toml': text('[tool.publish]', 'api_token = "pypi-AgEIcHlwaS5vcmc"'),
      '.pypirc': text('[pypi]', 'username = __token__', 'password = c0ffee1234deadbeef5678'),
      'multi.yml': text('first: 1', '---', 'smtp:', '  password: Xk8mP2qvL9rT4wZs'),
      '.vscode/settings.json': text('{', '  // JSON with comments is read too', '  "sqltools.password": "Xk8mP2qvL9rT4wZs"', '}'),
    },
    ['.pypirc:3', '.vscode/settings.json:3', 'appsettings.json:2', 'config/app.yml:3', 'config/app.yml:5', 'multi.yml:4', 'pyproject.toml:2', 'setup.cfg:2'],
  );
  const byFile = new Map(findings.map((f) => [`${f.file}:${f.line}`, f]));
  assert.equal(byFile.get('config/app.yml:3')!.column, 13);
  assert.match(byFile.get('config/app.yml:3')!.message, /^database\.password holds a literal secret \(16 characters\)/);
  assert.match(byFile.get('config/app.yml:5')!.message, /well-known default/);
  assert.equal(byFile.get('setup.cfg:2')!.key, 'smtp.password');
  assert.equal(byFile.get('setup.cfg:2')!.column, 12);
  assert.equal(byFile.get('appsettings.json:2')!.key, 'Smtp.Password');
  const all = JSON.stringify(findings);
  for (const s of ['Xk8mP2qvL9rT4wZs', 'keyboard cat', 's3cr3t-Passw0rd-2024', 'hunter2hunter2', 'pypi-AgEIcHlwaS5vcmc', 'c0ffee1234']) assert.ok(!all.includes(s), `leaked ${s}`);
});

test('secret/hardcoded-secret: other environments, other domains, placeholders and broken files are silent', async () => {
  await expectLines(
    rule,
    {
      'config/development.yml': text('database:', '  password: devpassword123'),
      'tests/fixtures/config.yml': text('password: Xk8mP2qvL9rT4wZs'),
      '.env.production': text('DB_PASSWORD=Xk8mP2qvL9rT4wZs'),
      'docker-compose.yml': text('services:', '  db:', '    environment:', '      POSTGRES_PASSWORD: Xk8mP2qvL9rT4wZs'),
      'settings.py': text('PASSWORD = "Xk8mP2qvL9rT4wZs"'),
      'config/app.yml': text('password: changeme', 'secret: <your-secret>', 'token: ""', 'password_file: /run/secrets/db', 'password: DB_PASSWORD', 'token: "{{ token }}"', 'dsn: https://sentry.io/123'),
      // Known formats are secret/known-credential's findings.
      '.npmrc': text('//registry.example.com/:_authToken=c0ffee1234deadbeef5678'),
      'ci.yml': text(`github_token: ${GITHUB}`),
      'broken.yml': text('password: "Xk8mP2qvL9rT4wZs', '  list: [', 'x: : :'),
      'package.json': text('{ "scripts": { "token": "node scripts/token.js --rotate" } }'),
      'k8s-ish.yml': text('a: 1', '---', 'db:', '  password: "{{ .Values.password }}"'),
      'locales/ja.json': text('{ "password": "パスワード", "token": "Token" }'),
    },
    [],
  );
});

test('secret/hardcoded-secret: the same file is judged when the target is its environment', async () => {
  await expectLines(rule, { 'config/development.yml': text('database:', '  password: devpassword123') }, ['config/development.yml:2'], { environment: 'development' });
});

test('secret/hardcoded-secret: Rails config/secrets.yml and config/database.yml are left to the rails rules', async () => {
  await expectLines(
    rule,
    {
      'config/secrets.yml': 'production:\n  secret_key_base: 3f9c1e7a2b4d6f8091a3c5e7f9b1d3a5c7e9f1b3d5a7c9e1f3b5d7a9c1e3f5b7\n',
      'config/database.yml': 'production:\n  password: Kx8qLm2Vn7Rt4Wz9\n',
      'config/app.yml': 'production:\n  password: Kx8qLm2Vn7Rt4Wz9\n',
    },
    ['config/app.yml:2'],
  );
});

test('secret/hardcoded-secret: key names in manifests, translations, docs navigation, fixtures and CI are not secrets', async () => {
  await expectLines(
    rule,
    {
      // package.json dependencies: version ranges under secret-like package names
      'package.json': text('{', '  "dependencies": { "jsonwebtoken": "^9.0.2", "passport-token": "~1.4.0", "secret-handshake": "1.x" },', '  "devDependencies": { "tokenizer": "workspace:*" }', '}'),
      // GitHub Actions permissions (a CI file: its own environment) and the same keyword in a plain config
      '.github/workflows/release.yml': text('jobs:', '  publish:', '    permissions:', '      id-token: write', '    services:', '      postgres:', '        env:', '        POSTGRES_PASSWORD: ciPassw0rd1234'),
      'config/deploy.yml': text('permissions:', '  id-token: write', '  contents: read'),
      // Rails-style locale file and a locales/ directory: UI labels
      'config/locales/views/en.yml': text('en:', '  passwords:', '    edit:', '      password: New Password', '      password_challenge: Current Password', '    api_key_label: API Key', '    generated_tokens: Generated codes'),
      'app/i18n/ja.yml': text('ja:', '  password: パスワード', '  token: Token'),
      // mkdocs navigation: page paths
      'mkdocs.yml': text('nav:', '  - Users:', '      - Token: "models/users/token.md"', '      - Secret: models/users/secret.md'),
      // Django fixture with password hashes of demo users
      'app/fixtures/demo.json': text('[{"model": "auth.user", "fields": {"password": "pbkdf2_sha256$600000$abcdEFGH1234$Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA="}}]'),
      'config/users.yml': text('admin:', '  password: "$2b$12$KIXQJQ7h7Wb8G1oVY2Qe0eW7n6bq3Hq8sY5m1o0Zr3l9nQ0aLx1yS"'),
    },
    [],
  );
});
