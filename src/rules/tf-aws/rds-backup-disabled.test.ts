import { test } from 'node:test';
import { expectLines, text } from '../../testing/tf-aws.js';
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
);

test('tf-aws/rds-backup-disabled: backup_retention_period = 0', async () => {
  await expectLines(rule, { 'rds.tf': RDS }, ['rds.tf:2', 'rds.tf:5']);
});

test('tf-aws/rds-backup-disabled: silent in a development file and when judging development', async () => {
  await expectLines(rule, { 'envs/dev/rds.tf': RDS }, []);
  await expectLines(rule, { 'rds.tf': RDS }, [], { environment: 'development' });
});
