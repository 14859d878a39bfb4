import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './rds-backup-disabled.js';

const RDS = text(
  'resource "aws_db_instance" "a" {',
  '  backup_retention_period = 0',
  '}',
  'resource "aws_rds_cluster" "b" {',
  '  backup_retention_period = "0"',
  '}',
  'resource "aws_db_instance" "ok" {',
  '  backup_retention_period = 7',
  '}',
  'resource "aws_db_instance" "default" {',
  '}',
  'resource "aws_rds_cluster" "short" {',
  '  backup_retention_period = 3',
  '}',
  'resource "aws_db_instance" "replica" {',
  '  replicate_source_db     = aws_db_instance.ok.identifier',
  '  backup_retention_period = 0',
  '}',
  'resource "aws_db_instance" "aurora_member" {',
  '  engine = "aurora-postgresql"',
  '}',
);

test('tf-aws/rds-backup-disabled: 0 (high); shorter than 7 days or the 1-day default (low)', async () => {
  const findings = await expectLines(rule, { 'rds.tf': RDS }, ['rds.tf:2', 'rds.tf:5', 'rds.tf:10', 'rds.tf:13']);
  assert.deepEqual(findings.map((f) => f.severity), ['high', 'high', 'low', 'low']);
  // The assumed default is named, with the provider versions it holds for.
  assert.match(findings[2]!.message, /not set: AWS default 1 assumed, provider v1–v6/);
});

test('tf-aws/rds-backup-disabled: read replicas, Aurora members and 7+ days are silent', async () => {
  await expectLines(rule, { 'rds.tf': text('resource "aws_db_instance" "r" {', '  replicate_source_db = "src"', '  backup_retention_period = 0', '}', 'resource "aws_rds_cluster" "c" {', '  backup_retention_period = 14', '}') }, []);
});

test('tf-aws/rds-backup-disabled: silent in a development file and when judging development', async () => {
  await expectLines(rule, { 'envs/dev/rds.tf': RDS }, []);
  await expectLines(rule, { 'rds.tf': RDS }, [], { environment: 'development' });
});
