import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './rds-storage-unencrypted.js';

test('tf-aws/rds-storage-unencrypted: absent (at the resource) or false (at the attribute, also through a variable)', async () => {
  await expectLines(
    rule,
    {
      'rds.tf': text(
        'resource "aws_db_instance" "a" {',
        '  engine = "postgres"',
        '}',
        'resource "aws_db_instance" "b" {',
        '  storage_encrypted = false',
        '}',
        'resource "aws_rds_cluster" "c" {',
        '  engine            = "aurora-postgresql"',
        '  storage_encrypted = var.encrypt',
        '}',
        'variable "encrypt" {',
        '  default = false',
        '}',
      ),
    },
    ['rds.tf:1', 'rds.tf:5', 'rds.tf:9'],
  );
});

test('tf-aws/rds-storage-unencrypted: encrypted, replicas, Aurora members, serverless v1 and unknown values are silent', async () => {
  await expectLines(
    rule,
    {
      'rds.tf': text(
        'resource "aws_db_instance" "a" {',
        '  storage_encrypted = true',
        '}',
        'resource "aws_db_instance" "replica" {',
        '  replicate_source_db = aws_db_instance.a.identifier',
        '}',
        'resource "aws_rds_cluster_instance" "member" {',
        '  engine = "aurora-mysql"',
        '}',
        'resource "aws_db_instance" "aurora_member" {',
        '  engine = "aurora-mysql"',
        '}',
        'resource "aws_rds_cluster" "sls" {',
        '  engine_mode = "serverless"',
        '}',
        'resource "aws_db_instance" "unknown" {',
        '  storage_encrypted = var.enc',
        '}',
        'variable "enc" {}',
      ),
    },
    [],
  );
});

test('tf-aws/rds-storage-unencrypted: an example passing storage_encrypted = false to the module root is found, as an example (low); honban.yml can make it a deployment', async () => {
  const files = {
    'main.tf': text('variable "storage_encrypted" {', '  default = true', '}', 'resource "aws_db_instance" "this" {', '  storage_encrypted = var.storage_encrypted', '}'),
    'examples/complete/main.tf': text('module "db" {', '  source            = "../../"', '  storage_encrypted = false', '}'),
  };
  const found = await expectLines(rule, files, ['examples/complete/main.tf:3']);
  assert.equal(found[0]!.severity, 'low');
  assert.match(found[0]!.message, /^Example examples\/complete: RDS instance module\.db\.aws_db_instance\.this \(main\.tf:4\): storage_encrypted is false/);
  const deployed = await expectLines(rule, files, ['examples/complete/main.tf:3'], { config: { environments: { production: { paths: ['examples/complete/**'] } } } });
  assert.equal(deployed[0]!.severity, 'high');
  assert.doesNotMatch(deployed[0]!.message, /^Example/);
});
