import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './rds-public.js';

test('tf-aws/rds-public: publicly_accessible = true, also from the production tfvars', async () => {
  const files = {
    'db/rds.tf': text(
      'resource "aws_db_instance" "a" {',
      '  publicly_accessible = true',
      '}',
      'resource "aws_rds_cluster_instance" "b" {',
      '  publicly_accessible = var.public',
      '}',
      'variable "public" {',
      '  default = false',
      '}',
    ),
    'db/production.tfvars': text('public = true'),
  };
  await expectLines(rule, files, ['db/rds.tf:2', 'db/rds.tf:5']);
  // The same module judged for staging: the production tfvars does not apply.
  await expectLines(rule, files, ['db/rds.tf:2'], { environment: 'staging' });
});

test('tf-aws/rds-public: false, absent, or a development environment file is silent', async () => {
  await expectLines(
    rule,
    {
      'rds.tf': text('resource "aws_db_instance" "a" {', '  publicly_accessible = false', '}', 'resource "aws_db_instance" "b" {', '}'),
      'envs/development/rds.tf': text('resource "aws_db_instance" "dev" {', '  publicly_accessible = true', '}'),
    },
    [],
  );
});
