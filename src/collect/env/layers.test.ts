import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globToRegExp, memoryView } from './fs.js';
import { envFilesOf, knownEnvironments, resolveEnvName, templateFilesFor } from './layers.js';

const view = memoryView({
  '.env': 'A=1',
  '.env.prod': 'A=2',
  '.env.production': 'A=3',
  '.env.production.local': 'A=4',
  '.env.staging': 'A=5',
  '.env.development': 'A=6',
  '.env.example': 'A=',
  '.env.production.example': 'A=',
  '.env.development.example': 'A=',
  'env/production/security.env': 'B=1',
  'env/production/common.env': 'B=2',
  'env/production/notes.txt': 'not an env file',
  'env/prod/extra.env': 'B=3',
  'env/qa/app.env': 'C=1',
  'deploy/live.env': 'D=1',
  'deploy/live-secrets.env': 'D=2',
});

test('layers: default env files of an environment, in precedence order', () => {
  assert.deepEqual(envFilesOf(view, 'production', {}).files, [
    '.env',
    '.env.prod',
    '.env.production',
    '.env.production.local',
    'env/prod/extra.env',
    'env/production/common.env',
    'env/production/security.env',
  ]);
  assert.deepEqual(envFilesOf(view, 'staging', {}).files, ['.env', '.env.staging']);
});

test('layers: environments.<env>.files in honban.yml replace the defaults (globs expanded in order)', () => {
  const config = { environments: { production: { files: ['.env', 'deploy/live*.env', 'env/production/security.env'] } } };
  assert.deepEqual(envFilesOf(view, 'production', config), { files: ['.env', 'deploy/live-secrets.env', 'deploy/live.env', 'env/production/security.env'], configured: true });
});

test('layers: environment names — synonyms, aliases and what the repository has', () => {
  const config = { environments: { production: { aliases: ['live'] }, qa: {} } };
  assert.equal(resolveEnvName('prod', config), 'production');
  assert.equal(resolveEnvName('LIVE', config), 'production');
  assert.equal(resolveEnvName('qa', config), 'qa');
  assert.equal(resolveEnvName('stg', {}), 'staging');
  assert.deepEqual(knownEnvironments(view, config), ['development', 'production', 'qa', 'staging']);
  assert.deepEqual(templateFilesFor(view, 'production', {}), ['.env.example', '.env.production.example']);
});

test('layers: glob syntax', () => {
  assert.ok(globToRegExp('env/*/app.env').test('env/prod/app.env'));
  assert.ok(!globToRegExp('env/*.env').test('env/prod/app.env'));
  assert.ok(globToRegExp('config/**/*.env').test('config/a/b/c.env'));
  assert.ok(globToRegExp('config/**/*.env').test('config/c.env'));
  assert.ok(globToRegExp('.env.{prod,production}').test('.env.prod'));
  assert.ok(globToRegExp('file?.env').test('file1.env'));
});
