import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyClassName, classifyEnvironment, judges, normalizeEnvName } from './environment.js';

test('classifyEnvironment: file names and directories name their environment', () => {
  const cases: [string, string][] = [
    ['.env.production', 'production'],
    ['.env.prod', 'production'],
    ['.env.production.local', 'production'],
    ['.env.development', 'development'],
    ['.env.local', 'development'],
    ['.env.staging', 'staging'],
    ['.env.test', 'test'],
    ['.env', 'shared'],
    ['env/production/app.env', 'production'],
    ['env/staging/db.env', 'staging'],
    ['docker-compose.prod.yml', 'production'],
    ['docker-compose.yml', 'shared'],
    ['compose.production.yaml', 'production'],
    ['docker-compose.dev.yml', 'development'],
    ['docker-compose.override.yml', 'development'],
    ['compose.override.yaml', 'development'],
    ['Dockerfile.prod', 'production'],
    ['Dockerfile', 'shared'],
    ['config/environments/production.rb', 'production'],
    ['config/environments/development.rb', 'development'],
    ['config/application.rb', 'shared'],
    ['myapp/settings/production.py', 'production'],
    ['myapp/settings/base.py', 'shared'],
    ['myapp/settings/local.py', 'development'],
    ['myapp/settings_prod.py', 'production'],
    ['infra/envs/production/main.tf', 'production'],
    ['infra/production.tfvars', 'production'],
    ['app/__init__.py', 'shared'],
    ['tests/test_app.py', 'test'],
    ['app/test_utils.py', 'shared'],
    ['src/server.test.ts', 'shared'],
  ];
  for (const [p, env] of cases) assert.equal(classifyEnvironment(p), env, p);
});

test('classifyEnvironment: templates belong to no environment', () => {
  for (const p of ['.env.example', '.env.sample', '.env.template', '.env.production.example', 'env/production/app.env.example', 'config.sample.yml']) {
    assert.equal(classifyEnvironment(p), 'template', p);
  }
  // A source file named example is not a template.
  assert.equal(classifyEnvironment('src/example.py'), 'shared');
});

test('classifyEnvironment: CI files are their own environment', () => {
  for (const p of ['.github/workflows/ci.yml', '.github/workflows/release.yaml', '.github/actions/setup/action.yml', '.gitlab-ci.yml', '.circleci/config.yml', '.travis.yml', 'azure-pipelines.yml', 'bitbucket-pipelines.yml', 'Jenkinsfile', 'docker-compose.ci.yml', '.env.ci', 'services/api/.github/workflows/test.yml']) {
    assert.equal(classifyEnvironment(p), 'ci', p);
  }
});

test('classifyEnvironment: dev containers, local compose layouts, tests and e2e images are not production', () => {
  const cases: [string, string][] = [
    ['.devcontainer/Dockerfile', 'development'],
    ['.devcontainer/docker-compose.yml', 'development'],
    ['docker-compose.local.yml', 'development'],
    ['compose.local.yaml', 'development'],
    ['Dockerfile.local', 'development'],
    ['compose/local/django/Dockerfile', 'development'],
    ['compose/local/django/start', 'development'],
    ['docker-compose.docs.yml', 'development'],
    ['compose/production/django/Dockerfile', 'production'],
    ['frontend/Dockerfile.playwright', 'test'],
    ['Dockerfile.e2e', 'test'],
    ['e2e/docker-compose.yml', 'test'],
    ['scripts/smoketest_configuration.py', 'test'],
    ['netbox/core/tests/test_data_backends.py', 'test'],
    // `local` in source code says nothing: local_settings.py often holds production overrides.
    ['myapp/local_settings.py', 'shared'],
    ['app/local/cache.py', 'shared'],
  ];
  for (const [p, env] of cases) assert.equal(classifyEnvironment(p), env, p);
});

test('classifyEnvironment: usage examples and documentation are not deployments', () => {
  for (const p of ['examples/complete-mysql/main.tf', 'samples/app/Dockerfile', 'docs/nginx.conf', 'README.md', 'deploy/README.md', 'docs/guide.rst']) {
    assert.equal(classifyEnvironment(p), 'example', p);
  }
});

test('classifyEnvironment: honban.yml environments: globs win, first match first', () => {
  const overrides = [
    { environment: 'production', patterns: ['compose.example.yml', 'deploy/**'] },
    { environment: 'development', patterns: ['tools/**', 'deploy/dev/**'] },
    { environment: 'shared', patterns: ['examples/real-app/**'] },
  ];
  assert.equal(classifyEnvironment('compose.example.yml', [], overrides), 'production');
  assert.equal(classifyEnvironment('compose.example.yml'), 'template');
  assert.equal(classifyEnvironment('deploy/dev/app.env', [], overrides), 'production');
  assert.equal(classifyEnvironment('tools/Dockerfile', [], overrides), 'development');
  assert.equal(classifyEnvironment('examples/real-app/main.tf', [], overrides), 'shared');
  assert.equal(classifyEnvironment('examples/other/main.tf', [], overrides), 'example');
});

test('classifyEnvironment: custom environment names from --env / honban.yml', () => {
  assert.equal(classifyEnvironment('.env.qa', ['qa']), 'qa');
  assert.equal(classifyEnvironment('.env.qa'), 'shared');
  assert.equal(classifyEnvironment('deploy/qa/app.env', ['qa']), 'qa');
});

test('classifyClassName: Flask config classes', () => {
  assert.equal(classifyClassName('ProductionConfig'), 'production');
  assert.equal(classifyClassName('ProdConfig'), 'production');
  assert.equal(classifyClassName('DevelopmentConfig'), 'development');
  assert.equal(classifyClassName('TestingConfig'), 'test');
  assert.equal(classifyClassName('StagingSettings'), 'staging');
  assert.equal(classifyClassName('Config'), undefined);
  assert.equal(classifyClassName('BaseConfig'), undefined);
});

test('judges: the target environment inherits shared files only', () => {
  assert.equal(judges('production', 'production'), true);
  assert.equal(judges('production', 'shared'), true);
  assert.equal(judges('production', 'development'), false);
  assert.equal(judges('production', 'template'), false);
  assert.equal(judges('development', 'development'), true);
  assert.equal(normalizeEnvName('prod'), 'production');
  assert.equal(normalizeEnvName('Staging'), 'staging');
});

test('classifyEnvironment: a project named example (Django startproject) is not an examples folder', () => {
  assert.equal(classifyEnvironment('django/app/example/settings.py'), 'shared');
});
