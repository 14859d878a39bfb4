import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffEnvironments, formatDiffMarkdown, formatDiffPretty, hasDifferences } from './diff.js';
import { memoryView } from '../../collect/env/fs.js';
import { sideSpec } from './tfresources.js';

// Two Terraform roots (seed 004 S4.2: the production environment and a new one built from it).
const DB_PW = 'Qm7vT2pL9xW4kR8n';
const roots = {
  'envs/production/main.tf': `terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

resource "aws_db_instance" "app" {
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.r6g.large"
  multi_az                = true
  storage_encrypted       = true
  backup_retention_period = 14
  deletion_protection     = true
  password                = "${DB_PW}"
}

resource "aws_elasticache_replication_group" "cache" {
  node_type                  = "cache.r6g.large"
  at_rest_encryption_enabled = true
}
`,
  'envs/staging/main.tf': `resource "aws_db_instance" "app" {
  engine         = "postgres"
  engine_version = "15.7"
  instance_class = "db.t4g.micro"
  multi_az       = true
  password       = var.db_password
}

resource "aws_cloudfront_distribution" "cdn" {
  price_class = "PriceClass_All"
}
`,
};

test('diff of two Terraform roots: attribute by attribute, absent arguments shown with the provider default, resources of one side only', async () => {
  const view = memoryView(roots);
  const fromSide = sideSpec('envs/production', view, {});
  const toSide = sideSpec('./envs/staging/', view, {});
  assert.deepEqual(fromSide, { kind: 'root', dir: 'envs/production' });
  assert.deepEqual(toSide, { kind: 'root', dir: 'envs/staging' });
  const { result } = await diffEnvironments({ view, from: 'envs/production', to: 'envs/staging', config: {}, fromSide, toSide });
  assert.equal(result.mode, 'terraform');
  assert.deepEqual(result.rows, [], 'no env-file rows when two roots are compared');
  assert.ok(result.resources);
  assert.deepEqual(result.resources.roots, { from: ['envs/production'], to: ['envs/staging'] });
  const row = (k: string) => result.resources!.rows.find((r) => r.key === k);
  assert.deepEqual(row('aws_db_instance.app engine_version'), {
    key: 'aws_db_instance.app engine_version',
    status: 'changed',
    secret: false,
    from: { source: 'envs/production/main.tf', line: 9, value: '16.3' },
    to: { source: 'envs/staging/main.tf', line: 3, value: '15.7' },
  });
  assert.equal(row('aws_db_instance.app instance_class')!.status, 'changed');
  assert.equal(row('aws_db_instance.app multi_az')!.status, 'same');
  assert.equal(row('aws_db_instance.app engine')!.status, 'same');
  // Absent in staging: the provider default (false / 1 day), pointed at the resource.
  const enc = row('aws_db_instance.app storage_encrypted')!;
  assert.equal(enc.status, 'changed');
  assert.equal(enc.from!.value, 'true');
  assert.deepEqual(enc.to, { source: 'envs/staging/main.tf', line: 1, value: 'false (not set: default)' });
  assert.equal(row('aws_db_instance.app backup_retention_period')!.to!.value, '1 (not set: default)');
  assert.equal(row('aws_db_instance.app deletion_protection')!.status, 'changed');
  assert.equal(row('aws_elasticache_replication_group.cache')!.status, 'only-from');
  assert.deepEqual(row('aws_cloudfront_distribution.cdn')!.to, { source: 'envs/staging/main.tf', line: 9, value: 'aws_cloudfront_distribution' });
  assert.equal(row('aws_cloudfront_distribution.cdn')!.status, 'only-to');
  // The password is neither compared nor shown anywhere.
  assert.ok(!result.resources.rows.some((r) => r.key.includes('password')));
  assert.ok(hasDifferences(result));
  const text = formatDiffPretty(result, 'en') + formatDiffMarkdown(result, 'ja') + JSON.stringify(result);
  assert.ok(!text.includes(DB_PW), 'no secret value in any format');
  assert.match(formatDiffPretty(result, 'en'), /Terraform resources: envs\/production → envs\/staging/);
  assert.doesNotMatch(formatDiffPretty(result, 'en'), /^Variables:/m, 'no env-variable table for two roots');
  assert.match(formatDiffMarkdown(result, 'ja'), /### Terraform リソース/);
});

test('diff of two environments of one root: each side evaluated with its own tfvars (module arguments included)', async () => {
  const files = {
    'infra/main.tf': `variable "db_class" {
  default = "db.t4g.micro"
}
variable "multi_az" {
  default = false
}
module "db" {
  source         = "./modules/db"
  instance_class = var.db_class
  multi_az       = var.multi_az
}
`,
    'infra/modules/db/main.tf': `variable "instance_class" {}
variable "multi_az" {}
resource "aws_db_instance" "this" {
  engine            = "mysql"
  instance_class    = var.instance_class
  multi_az          = var.multi_az
  storage_encrypted = true
}
`,
    'infra/production.tfvars': 'db_class = "db.r6g.xlarge"\nmulti_az = true\n',
    'infra/staging.tfvars': 'db_class = "db.t4g.small"\n',
  };
  const { result } = await diffEnvironments({ view: memoryView(files), from: 'production', to: 'staging', config: {} });
  assert.equal(result.mode, 'environments');
  assert.ok(result.tfvars, 'the tfvars table is still there');
  assert.ok(result.resources);
  const row = (k: string) => result.resources!.rows.find((r) => r.key === k);
  const ic = row('module.db.aws_db_instance.this instance_class')!;
  assert.equal(ic.status, 'changed');
  assert.equal(ic.from!.value, 'db.r6g.xlarge');
  assert.equal(ic.to!.value, 'db.t4g.small');
  const maz = row('module.db.aws_db_instance.this multi_az')!;
  assert.equal(maz.status, 'changed');
  assert.equal(maz.from!.value, 'true');
  assert.equal(maz.to!.value, 'false');
  assert.equal(row('module.db.aws_db_instance.this storage_encrypted')!.status, 'same');
});

test('diff of two tfvars files: sideSpec recognises them; anything else names an environment', async () => {
  const files = {
    'main.tf': 'variable "cls" {}\nresource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = var.cls\n}\n',
    'dev.tfvars': 'cls = "db.t4g.micro"\n',
    'prod.tfvars': 'cls = "db.m7g.large"\n',
  };
  const view = memoryView(files);
  assert.deepEqual(sideSpec('prod.tfvars', view, {}), { kind: 'tfvars', file: 'prod.tfvars' });
  assert.deepEqual(sideSpec('missing.tfvars', view, {}).kind, 'env');
  assert.deepEqual(sideSpec('../etc', view, {}).kind, 'env', 'paths leaving the repository are not sides');
  assert.deepEqual(sideSpec('prod', view, {}), { kind: 'env', env: 'production' });
  const fromSide = sideSpec('dev.tfvars', view, {});
  const toSide = sideSpec('prod.tfvars', view, {});
  const { result } = await diffEnvironments({ view, from: 'dev.tfvars', to: 'prod.tfvars', config: {}, fromSide, toSide });
  const ic = result.resources!.rows.find((r) => r.key === 'aws_db_instance.db instance_class')!;
  assert.equal(ic.status, 'changed');
  assert.deepEqual([ic.from!.value, ic.to!.value], ['db.t4g.micro', 'db.m7g.large']);
  assert.equal(ic.from!.source, 'dev.tfvars', 'the value points at the tfvars line that sets it');
});

test('diff of two roots without Terraform resources says so', async () => {
  const view = memoryView({ 'a/main.tf': 'locals {\n  x = 1\n}\n', 'b/main.tf': 'locals {\n  x = 2\n}\n' });
  const { result } = await diffEnvironments({ view, from: 'a', to: 'b', config: {}, fromSide: sideSpec('a', view, {}), toSide: sideSpec('b', view, {}) });
  assert.equal(result.resources, undefined);
  assert.ok(!hasDifferences(result));
  assert.match(formatDiffPretty(result, 'en'), /Terraform resources: a → b\n {2}\S/);
});
