import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyKind } from '../../engine/discover.js';
import { scan } from '../../commands/scan.js';
import { text } from '../../testing/harness.js';
import { parsePlan, withoutKeys } from './plan.js';
import { str } from '../../facts/terraform/values.js';

/** A plan as `terraform show -json` writes it (one line), for a root module calling ./modules/db twice. */
const PLAN = JSON.stringify({
  format_version: '1.2',
  terraform_version: '1.9.8',
  planned_values: {
    root_module: {
      resources: [
        { address: 'aws_s3_bucket.logs[0]', mode: 'managed', type: 'aws_s3_bucket', name: 'logs', index: 0, provider_name: 'registry.terraform.io/hashicorp/aws', values: { bucket: 'logs-0', force_destroy: false, acl: null }, sensitive_values: {} },
        { address: 'aws_s3_bucket.logs[1]', mode: 'managed', type: 'aws_s3_bucket', name: 'logs', index: 1, provider_name: 'registry.terraform.io/hashicorp/aws', values: { bucket: 'logs-1', force_destroy: false, acl: null }, sensitive_values: {} },
      ],
      child_modules: [
        {
          address: 'module.db["main"]',
          resources: [
            {
              address: 'module.db["main"].aws_db_instance.this',
              mode: 'managed',
              type: 'aws_db_instance',
              name: 'this',
              provider_name: 'registry.terraform.io/hashicorp/aws',
              values: { engine: 'postgres', password: 'pl4n-s3cret-value', storage_encrypted: false, deletion_protection: false, publicly_accessible: false, multi_az: null, tags: null },
              sensitive_values: { password: true },
            },
          ],
        },
      ],
    },
  },
  resource_changes: [
    { address: 'module.db["main"].aws_db_instance.this', change: { actions: ['create'], after_unknown: { backup_retention_period: true, kms_key_id: true, id: true } } },
    { address: 'aws_s3_bucket.gone', change: { actions: ['delete'] } },
  ],
  configuration: {
    root_module: {
      resources: [{ address: 'aws_s3_bucket.logs', mode: 'managed', type: 'aws_s3_bucket', name: 'logs', expressions: { bucket: { references: ['count.index'] } }, count_expression: { constant_value: 2 } }],
      module_calls: { db: { source: './modules/db', module: { resources: [{ address: 'aws_db_instance.this', expressions: { engine: { constant_value: 'postgres' }, password: { references: ['var.password'] } } }] } } },
    },
  },
});

test('plan: recognised by content whatever its name; other JSON stays JSON', () => {
  assert.equal(classifyKind('infra/tfplan.json', PLAN), 'tfplan');
  assert.equal(classifyKind('out/anything.json', PLAN), 'tfplan');
  assert.equal(classifyKind('package.json', '{"name": "x", "format_version": "1"}'), 'json');
  assert.equal(classifyKind('terraform.tfvars.json', PLAN), 'tfvars');
});

test('plan: planned values with module and instance addresses; after-apply values unknown only where configured; deleted resources left out', () => {
  const plan = parsePlan('plan.json', PLAN)!;
  assert.deepEqual(plan.resources.map((r) => r.address), ['aws_s3_bucket.logs[0]', 'aws_s3_bucket.logs[1]', 'module.db["main"].aws_db_instance.this']);
  const db = plan.resources[2]!;
  assert.equal(db.configAddress, 'module.db.aws_db_instance.this');
  assert.equal(db.moduleAddress, 'module.db["main"]');
  assert.equal(str(db.body.attrs['storage_encrypted']!.value), 'false');
  // backup_retention_period is neither written nor known: left out, so the provider default applies.
  assert.equal(db.body.attrs['backup_retention_period'], undefined);
  assert.equal(db.body.attrs['multi_az'], undefined);
  assert.deepEqual(db.secrets, ['pl4n-s3cret-value']);
  assert.equal(withoutKeys('module.a["x[1]"].aws_b.c[0]'), 'module.a.aws_b.c');
  assert.equal(plan.rootConfigAddresses.join(), 'aws_s3_bucket.logs');
});

test('plan: judged on its own when its configuration is not scanned; sensitive values masked', async () => {
  const { report } = await scan({ files: [{ path: 'plans/prod.json', content: PLAN }], environment: 'production', config: {} });
  assert.deepEqual(report.errors, []);
  const tf = report.findings.filter((f) => f.ruleId.startsWith('tf-aws/')).map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}`);
  assert.ok(tf.includes('tf-aws/rds-storage-unencrypted plans/prod.json:1 high'), tf.join('\n'));
  assert.ok(tf.includes('tf-aws/rds-backup-disabled plans/prod.json:1 low'), tf.join('\n'));
  assert.ok(!JSON.stringify(report).includes('pl4n-s3cret-value'));
});

test('plan: with its configuration, findings point into the configuration (the module call for an unset argument)', async () => {
  const files = [
    { path: 'main.tf', content: text('resource "aws_s3_bucket" "logs" {', '  count  = 2', '  bucket = "logs-${count.index}"', '}', 'module "db" {', '  source   = "./modules/db"', '  for_each = toset(["main"])', '  password = "x"', '}') },
    { path: 'modules/db/main.tf', content: text('variable "password" {}', 'resource "aws_db_instance" "this" {', '  engine   = "postgres"', '  password = var.password', '}') },
    { path: 'plan.json', content: PLAN },
  ];
  const { report } = await scan({ files, environment: 'production', config: {} });
  const enc = report.findings.find((f) => f.ruleId === 'tf-aws/rds-storage-unencrypted');
  assert.equal(`${enc?.file}:${enc?.line}`, 'main.tf:5');
  assert.match(enc!.message, /module\.db\["main"\]\.aws_db_instance\.this \(modules\/db\/main\.tf:2\)/);
});
