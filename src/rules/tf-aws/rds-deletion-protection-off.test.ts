import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './rds-deletion-protection-off.js';

const RDS = text(
  'resource "aws_db_instance" "a" {',
  '  engine = "postgres"',
  '}',
  'resource "aws_rds_cluster" "b" {',
  '  deletion_protection = false',
  '}',
  'resource "aws_db_instance" "ok" {',
  '  deletion_protection = true',
  '}',
  'resource "aws_db_instance" "aurora_member" {',
  '  engine = "aurora-postgresql"',
  '}',
);

test('tf-aws/rds-deletion-protection-off: absent (resource line) or false (attribute line)', async () => {
  await expectLines(rule, { 'rds.tf': RDS }, ['rds.tf:1', 'rds.tf:5']);
});

test('tf-aws/rds-deletion-protection-off: not judged for staging, silent in a staging file', async () => {
  await expectLines(rule, { 'rds.tf': RDS }, [], { environment: 'staging' });
  await expectLines(rule, { 'stg/rds.tf': RDS }, []);
});
