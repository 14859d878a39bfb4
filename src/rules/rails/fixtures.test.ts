/**
 * End to end over test/fixtures/ruby/shop: a Rails 6 app with production.rb and its development /
 * test twins, ERB YAML, controllers and the seed-004 ECS task definition, discovered from disk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '../../commands/scan.js';
import { rulesOf } from '../index.js';

const contract = rulesOf('contract');
const rules = rulesOf('rails');

const here = path.dirname(fileURLToPath(import.meta.url));
const shop = path.resolve(here, '../../../test/fixtures/ruby/shop');

test('rails fixture: production findings only, each at its file:line; the development and test twins are silent', async () => {
  const { report } = await scan({ paths: [shop], rules: [...rules, ...contract], config: {} });
  assert.deepEqual(report.errors, []);
  const got = report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.file}:${f.line}`).sort();
  assert.deepEqual(got, [
    'contract/missing-variable high app/models/article.rb:10',
    'contract/missing-variable high config/database.yml:19',
    'rails/debug-log-level low config/environments/production.rb:15',
    'rails/force-ssl-disabled high config/environments/production.rb:11',
    'rails/forgery-protection-disabled medium app/controllers/api/payments_controller.rb:3',
    'rails/hardcoded-secret critical config/environments/production.rb:20',
    'rails/hardcoded-secret high config/secrets.yml:9',
    'rails/single-memcached-endpoint low config/environments/production.rb:18',
  ]);
  const missing = report.findings.find((f) => f.file === 'app/models/article.rb')!;
  assert.match(missing.message, /TNG_CLOUD_SEARCH_ENDPOINT_SEARCH .* \(checked: ECS task definition rails_app \(infra\/10-compute-ecs\.tf\)\)/);
  const json = JSON.stringify(report);
  for (const secret of ['3f1a9c0e7b2d4f6a', '9Kd2mQ7xLp4vR8sT', '8b2c4e6a0d1f3b5c']) assert.ok(!json.includes(secret), 'secret values never reach the report');
});

test('rails fixture: rails rules judge production and staging only: a development scan reports nothing', async () => {
  const { report } = await scan({ paths: [shop], rules, environment: 'development', config: {} });
  // every rails rule judges production and staging only
  assert.deepEqual(report.findings, []);
});
