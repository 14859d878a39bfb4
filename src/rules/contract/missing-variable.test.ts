import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './missing-variable.js';

const ecs = (...env: string[]) =>
  text(
    'resource "aws_ecs_task_definition" "app" {',
    '  family = "app"',
    '  container_definitions = jsonencode([{',
    '    name  = "web"',
    '    image = "app:1"',
    `    environment = [${env.map((e) => `{ name = "${e}", value = "v" }`).join(', ')}]`,
    '    secrets = [{ name = "DATABASE_URL", valueFrom = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db" }]',
    '  }])',
    '}',
  );

test('contract/missing-variable: seed 004 — an endpoint the ECS task definition does not set', async () => {
  const f = await expectLines(
    rule,
    {
      'app/models/article.rb': text(
        'class Article',
        '  def self.doc = Aws::CloudSearchDomain::Client.new(endpoint: ENV["TNG_CLOUD_SEARCH_ENDPOINT_DOCUMENT"])',
        '  def self.search = Aws::CloudSearchDomain::Client.new(endpoint: ENV["TNG_CLOUD_SEARCH_ENDPOINT_SEARCH"])',
        '  def self.db = ENV.fetch("DATABASE_URL")',
        'end',
      ),
      'infra/ecs.tf': ecs('TNG_CLOUD_SEARCH_ENDPOINT_DOCUMENT'),
      '.env.development': text('TNG_CLOUD_SEARCH_ENDPOINT_SEARCH=http://localhost:9200'),
      '.env.example': text('TNG_CLOUD_SEARCH_ENDPOINT_SEARCH='),
    },
    ['app/models/article.rb:3'],
  );
  assert.equal(f[0]!.severity, 'high');
  assert.match(f[0]!.message, /checked: ECS task definition app \(infra\/ecs\.tf\)/);
  assert.match(f[0]!.message, /only \.env\.development \(another environment\) sets it/);
  assert.match(f[0]!.message, /\.env\.example documents it/);
});

test('contract/missing-variable: one finding per variable at its first read, JS and TS', async () => {
  await expectLines(
    rule,
    {
      'src/mail.ts': text('export const host = process.env.SMTP_HOST!;', 'export const again = process.env.SMTP_HOST as string;'),
      'src/db.js': text('const { DATABASE_URL, POOL = "5" } = process.env;'),
      '.env.production': text('DATABASE_URL=postgres://db/app'),
    },
    ['src/mail.ts:1'],
  );
});

test('contract/missing-variable: defaults, guards, platform variables, dev-only branches, tests, alternatives and allow are not required', async () => {
  await expectLines(
    rule,
    {
      'app.js': text(
        'const port = process.env.PORT;',
        'const level = process.env.LOG_LEVEL || "info";',
        'if (process.env.SENTRY_DSN) init(process.env.SENTRY_DSN);',
        'const flag = process.env.FEATURE_X === "1";',
        'if (process.env.NODE_ENV !== "production") { require("dotenv").config({ path: process.env.DOTENV_PATH }); }',
        'const url = process.env.REDIS_URL || process.env.REDISCLOUD_URL;',
        'const region = process.env.AWS_REGION;',
        'const internal = process.env.INTERNAL_TOKEN;',
      ),
      'test/app.test.js': text('const key = process.env.TEST_ONLY_KEY;'),
      'scripts/seed.js': text('const seed = process.env.SEED_USER;'),
      'docker-compose.yml': text('services:', '  web:', '    image: app', '    environment:', '      REDIS_URL: redis://cache:6379'),
    },
    [],
    { config: { rules: { 'contract/missing-variable': { options: { allow: ['INTERNAL_*'] } } } } },
  );
});

test('contract/missing-variable: the fallback variable is required when neither is provided', async () => {
  await expectLines(
    rule,
    {
      'config/initializers/redis.rb': text('REDIS = Redis.new(url: ENV["REDIS_URL"] || ENV["REDISCLOUD_URL"])'),
      'docker-compose.yml': text('services:', '  web:', '    image: app', '    environment:', '      RAILS_ENV: production'),
    },
    ['config/initializers/redis.rb:1'],
  );
});

test('contract/missing-variable: the development twin provides nothing for production, but counts for development', async () => {
  const files = { 'app.js': text('const key = process.env.STRIPE_KEY;'), '.env.development': text('STRIPE_KEY=sk_test_dummy'), '.env.production': text('OTHER=1') };
  await expectLines(rule, files, ['app.js:1']);
  await expectLines(rule, files, [], { environment: 'development' });
});

test('contract/missing-variable: an EnvironmentFile= outside the repository makes it low', async () => {
  const f = await expectLines(
    rule,
    {
      'app.js': text('const key = process.env.STRIPE_KEY;'),
      'deploy/app.service': text('[Service]', 'EnvironmentFile=/etc/app/production.env', 'ExecStart=/usr/bin/node /srv/app/app.js'),
    },
    ['app.js:1'],
  );
  assert.equal(f[0]!.severity, 'low');
  assert.match(f[0]!.message, /unless EnvironmentFile=\/etc\/app\/production\.env \(deploy\/app\.service\) provides it/);
});

test('contract/missing-variable: no deployment surface at all is left to contract/missing-deployment-surface', async () => {
  await expectLines(rule, { 'app.js': text('const key = process.env.STRIPE_KEY;'), 'Dockerfile': text('FROM node:20', 'ENV NODE_ENV=production') }, []);
});

test('contract/missing-variable: reads under a presence guard or inside a feature block keyed on another variable are optional', async () => {
  const settings = text(
    'import os',
    'if "CSP_DEFAULT_SRC" in os.environ:',
    '    CSP_DEFAULT_SRC = os.environ.get("CSP_DEFAULT_SRC").split(",")',
    '    if "CSP_SCRIPT_SRC" in os.environ:',
    '        CSP_SCRIPT_SRC = os.environ["CSP_SCRIPT_SRC"].split(",")',
    'if "CACHE_TOKEN" in os.environ or "CACHE_BEARER" in os.environ:',
    '    ZONE = os.environ["CACHE_ZONE"]',
    '    if "CACHE_TOKEN" in os.environ:',
    '        EMAIL = os.environ["CACHE_EMAIL"]',
    '    else:',
    '        BEARER = os.environ["CACHE_BEARER"]',
    'if os.environ.get("BASIC_AUTH_ENABLED", "false").lower() == "true":',
    '    HOSTS = os.environ["BASIC_AUTH_HOSTS"].split(",")',
    'if os.getenv("SENTRY_DSN"):',
    '    DSN = os.environ["SENTRY_DSN"]',
    'DATABASE_URL = os.environ["DATABASE_URL"]',
  );
  // Only the unguarded read with no default that no surface provides stays a finding.
  await expectLines(rule, { 'app/settings/production.py': settings, 'Dockerfile': text('FROM python:3.12-slim', 'ENV DJANGO_SETTINGS_MODULE=app.settings.production', 'CMD ["gunicorn", "app.wsgi"]'), 'docker-compose.yml': text('services:', '  web:', '    build: .') }, ['app/settings/production.py:16']);
});

test('contract/missing-variable: public build-time variables and JavaScript ports are low, PUBLIC_URL is not required', async () => {
  const f = await expectLines(
    rule,
    {
      'compose.yaml': text('services:', '  api:', '    build: .'),
      Dockerfile: text('FROM node:20', 'CMD ["node", "src/index.js"]'),
      'src/config.js': text('module.exports = { port: process.env.DATABASE_PORT, api: process.env.REACT_APP_API_URL, base: process.env.PUBLIC_URL };'),
    },
    ['src/config.js:1', 'src/config.js:1'],
  );
  assert.ok(f.every((x) => x.severity === 'low'));
});
