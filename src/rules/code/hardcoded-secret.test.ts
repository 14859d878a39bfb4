import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, runRules, text } from '../../testing/harness.js';
import rule from './hardcoded-secret.js';
import knownCredential from '../secret/known-credential.js';

const KEY = 'sk_live_9fQ2xL7vR4pK8mZ1tB6wN3cY0hJ5dG2a';

test('code/hardcoded-secret: names, keyword arguments and dict keys in Python', async () => {
  const f = await expectLines(
    rule,
    {
      'billing/client.py': text(
        'import os',
        `STRIPE_API_KEY = "${KEY}"`,
        "client = Client(api_token='Zx81kQp0LmW2vB7nR5tY')",
        "SETTINGS = {'db': {'password': 'hunter2hunter2'}}",
        "TOKEN = os.environ.get('SLACK_TOKEN', 'xoxb-1234-5678-abcdEFGHijkl')",
        "DB = 'postgresql://app:Pr0dPa55w0rd!@prod-db.internal.example.com:5432/app'",
      ),
    },
    ['billing/client.py:2', 'billing/client.py:3', 'billing/client.py:4'],
  );
  assert.equal(f[2]!.severity, 'medium'); // weak value
});

test('code/hardcoded-secret: known credential formats are left to secret/known-credential (one finding per line)', async () => {
  const files = {
    'billing/client.py': text(
      'import os',
      `STRIPE_API_KEY = "${KEY}"`,
      "TOKEN = os.environ.get('SLACK_TOKEN', 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx')",
      "DB = 'postgresql://app:Pr0dPa55w0rd!@prod-db.internal.example.com:5432/app'",
    ),
  };
  const both = await runRules([rule, knownCredential], files);
  assert.deepEqual(both.map((x) => `${x.ruleId} ${x.file}:${x.line}`), [
    'code/hardcoded-secret billing/client.py:2',
    'secret/known-credential billing/client.py:3',
    'secret/known-credential billing/client.py:4',
  ]);
  const out = JSON.stringify(both);
  for (const s of [KEY, 'xoxb-1234', 'Pr0dPa55w0rd']) assert.ok(!out.includes(s), s);
});

test('code/hardcoded-secret: URLs with inline passwords that secretlint does not know (redis, amqp)', async () => {
  const f = await runRules([rule, knownCredential], { 'app/cache.py': text("CACHE_URL = 'redis://:S3cretRedisPw9@cache.example.com:6379/0'", "BROKER = 'amqp://worker:Rabb1tPw-77@mq.example.com:5672//'") });
  assert.deepEqual(f.map((x) => `${x.ruleId} ${x.file}:${x.line}`), ['code/hardcoded-secret app/cache.py:1', 'code/hardcoded-secret app/cache.py:2']);
  assert.match(f[1]!.message, /amqp:\/\/…@mq\.example\.com, password 11 characters/);
  assert.ok(!JSON.stringify(f).includes('Rabb1tPw') && !JSON.stringify(f).includes('S3cretRedisPw9'));
});

test('code/hardcoded-secret: placeholders, env names, local dev URLs, tests, framework-owned keys, development files are silent', async () => {
  await expectLines(
    rule,
    {
      'app/settings_io.py': text(
        "API_KEY = 'your_api_key_here'",
        "PASSWORD_FIELD_LABEL = 'Password'",
        "token_env = 'GITHUB_TOKEN'",
        "DATABASE_URL = 'postgres://postgres:postgres@localhost:5432/app'",
        "secret = f'{prefix}-{suffix}'",
        "password_hint = 'at least 12 characters'",
      ),
      'tests/test_api.py': text(`API_KEY = "${KEY}"`),
      'test_login.py': text(`password = "${KEY}"`),
      'config.py': text('import flask', "class Config:", "    SECRET_KEY = 'dev'"),
      'settings/development.py': text(`API_KEY = "${KEY}"`),
    },
    [],
  );
});

test('code/hardcoded-secret: a secret in a ProductionConfig class counts; one in DevelopmentConfig does not', async () => {
  await expectLines(rule, { 'config.py': text('class DevelopmentConfig:', `    MAIL_PASSWORD = "${KEY}"`, 'class ProductionConfig:', `    MAIL_PASSWORD = "${KEY}"`) }, ['config.py:4']);
});

test('code/hardcoded-secret: Ruby and JavaScript literals from their collectors are judged the same way', async () => {
  const f = await runRules(rule, {
    'lib/payments.rb': text(`STRIPE_SECRET = "${KEY}"`, "API_TOKEN = 'your_token_here'"),
    'src/db.js': text("const password = 'Pr0d-DB-p4ssw0rd-2024!';", "const conn = 'mysql://root:S3cr3tRootPw@10.0.3.7:3306/app';"),
    'spec/payments_spec.rb': text(`STRIPE_SECRET = "${KEY}"`),
  });
  const errors = (f as unknown as { errors?: unknown[] }).errors;
  assert.deepEqual(errors ?? [], []);
  assert.deepEqual(f.map((x) => `${x.file}:${x.line}`), ['lib/payments.rb:1', 'src/db.js:1']); // the mysql URL is secretlint's
  assert.ok(!JSON.stringify(f).includes('S3cr3tRootPw'));
});

test('code/hardcoded-secret: names that look secret but hold keywords, alphabets, masks or their own words are silent', async () => {
  await expectLines(
    rule,
    {
      'static/src/api.ts': text("export async function get(url: string) {", "  return fetch(url, { method: 'GET', credentials: 'same-origin' });", '}', "const opts = { credentials: 'include' };"),
      'app/util/secret_key.py': text("SECRET_KEY_CHARSET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*(-_=+)'", 'SECRET_KEY_LENGTH = 50'),
      'app/validators.py': text('class Validator:', "    REQUEST_TOKEN = 'request'", "    PASSWORD_FIELD = 'password'"),
      'app/constants.py': text("CENSOR_TOKEN = '********'", "CENSOR_TOKEN_CHANGED = '***CHANGED***'"),
      // UI labels about secrets in Japanese, Chinese, Korean (honban's own env diff table once was reported)
      'src/labels.ts': text("const ja = { secretSame: '秘密値、同じ値', secretChanged: '秘密値、値が異なる' };", "const zh = { passwordHint: '请输入密码' };", "const ko = { tokenLabel: '토큰을입력하세요' };"),
    },
    [],
  );
  // A credential with a Japanese note next to it is still one.
  await expectLines(rule, { 'src/keys.ts': text("const apiKey = 'kX9vQ2mL7pR4tW8z本番';") }, ['src/keys.ts:1']);
});

test('code/hardcoded-secret: a placeholder as the fallback of an env read is what production runs without the variable', async () => {
  const f = await expectLines(
    rule,
    {
      'app/settings/base.py': text('import os', 'ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "changeme")', 'API_KEY = os.environ.get("API_KEY", "<your key>")', "NOTE = 'changeme'"),
      'src/auth.js': text("const secret = process.env.JWT_SECRET || 'changeme';"),
    },
    ['app/settings/base.py:2', 'src/auth.js:1'],
  );
  assert.ok(f.every((x) => x.severity === 'medium'));
  assert.match(f[0]!.message, /ADMIN_PASSWORD falls back to a hard-coded weak value/);
});
