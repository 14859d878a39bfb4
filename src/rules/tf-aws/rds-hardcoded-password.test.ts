import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './rds-hardcoded-password.js';

test('tf-aws/rds-hardcoded-password: literal in the resource, in a variable default, or in the production tfvars (at the literal)', async () => {
  const findings = await expectLines(
    rule,
    {
      'db/rds.tf': text(
        'resource "aws_db_instance" "a" {',
        '  password = "Sup3rSecretLiteral!"',
        '}',
        'resource "aws_rds_cluster" "b" {',
        '  master_password = var.db_password',
        '}',
        'resource "aws_db_instance" "c" {',
        '  password = var.other_password',
        '}',
      ),
      'db/variables.tf': text('variable "db_password" {', '  default = "hunter2hunter2"', '}', 'variable "other_password" {', '  sensitive = true', '}'),
      'db/production.tfvars': text('other_password = "from-the-prod-tfvars-2024"'),
    },
    ['db/production.tfvars:1', 'db/rds.tf:2', 'db/variables.tf:2'],
  );
  const all = JSON.stringify(findings);
  for (const s of ['Sup3rSecretLiteral!', 'hunter2hunter2', 'from-the-prod-tfvars-2024']) assert.ok(!all.includes(s), `${s} leaked`);
  assert.match(findings.find((f) => f.file === 'db/variables.tf')!.message, /default of variable "db_password"/);
});

test('tf-aws/rds-hardcoded-password: managed, generated or unset passwords are silent', async () => {
  await expectLines(
    rule,
    {
      'rds.tf': text(
        'resource "aws_db_instance" "a" {',
        '  manage_master_user_password = true',
        '}',
        'resource "aws_db_instance" "b" {',
        '  password = random_password.db.result',
        '}',
        'resource "aws_rds_cluster" "c" {',
        '  master_password = var.pw',
        '}',
        'variable "pw" {',
        '  sensitive = true',
        '}',
      ),
    },
    [],
  );
});
