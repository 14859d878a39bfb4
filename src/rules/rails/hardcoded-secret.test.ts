import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, runRules, text } from '../../testing/harness.js';
import rule from './hardcoded-secret.js';

const SECRET = 'a9f3c2e17b4d4e0f8c6a5b3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f';

test('rails/hardcoded-secret: secret_key_base literal in an environment file and an initializer', async () => {
  const f = await expectLines(
    rule,
    {
      'config/environments/production.rb': text('Rails.application.configure do', `  config.secret_key_base = "${SECRET}"`, 'end'),
      'config/initializers/secret_token.rb': text(`Shop::Application.config.secret_token = '${SECRET.slice(0, 40)}'`),
    },
    ['config/environments/production.rb:2', 'config/initializers/secret_token.rb:1'],
  );
  for (const x of f) {
    assert.equal(x.severity, 'critical');
    assert.ok(!x.message.includes(SECRET.slice(0, 8)), 'the message never shows the secret');
  }
});

test('rails/hardcoded-secret: a literal fallback of ENV.fetch', async () => {
  await expectLines(
    rule,
    { 'config/application.rb': text('class Application < Rails::Application', `  config.secret_key_base = ENV.fetch("SECRET_KEY_BASE", "${SECRET}")`, 'end') },
    ['config/application.rb:2'],
  );
});

test('rails/hardcoded-secret: secrets.yml and database.yml production and shared sections, not development', async () => {
  const secrets = text(
    'development:',
    `  secret_key_base: ${SECRET}`,
    'production:',
    `  secret_key_base: ${SECRET.slice(1)}`,
    '  aws_secret_access_key: "<%= ENV["AWS_SECRET_ACCESS_KEY"] %>"',
  );
  const database = text(
    'default: &default',
    '  adapter: postgresql',
    '  password: postgres',
    '  username: app',
    'development:',
    '  <<: *default',
    'production:',
    '  <<: *default',
    '  password: S3cure-Prod-Passw0rd',
  );
  const f = await expectLines(rule, { 'config/secrets.yml': secrets, 'config/database.yml': database }, ['config/database.yml:9', 'config/secrets.yml:4']);
  assert.deepEqual(f.map((x) => x.severity), ['high', 'critical']);
});

test('rails/hardcoded-secret: a shared password that production overrides with ERB is silent; ENV reads are silent', async () => {
  const database = text('default: &default', '  password: postgres', 'production:', '  <<: *default', '  password: <%= ENV["DB_PASSWORD"] %>');
  await expectLines(
    rule,
    {
      'config/database.yml': database,
      'config/environments/production.rb': text('Rails.application.configure do', '  config.secret_key_base = ENV["SECRET_KEY_BASE"]', 'end'),
      'config/environments/development.rb': text('Rails.application.configure do', `  config.secret_key_base = "${SECRET}"`, 'end'),
    },
    [],
  );
});

test('rails/hardcoded-secret: the value never reaches any output', async () => {
  const f = await runRules(rule, { 'config/environments/production.rb': text('Rails.application.configure do', `  config.secret_key_base = "${SECRET}"`, 'end') });
  assert.equal(f.length, 1);
  assert.ok(!JSON.stringify(f).includes(SECRET));
});
