import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './rds-single-az.js';

const RDS = text(
  'resource "aws_db_instance" "a" {',
  '  engine = "postgres"',
  '}',
  'resource "aws_db_instance" "b" {',
  '  multi_az = var.multi_az',
  '}',
  'variable "multi_az" {',
  '  default = false',
  '}',
  'resource "aws_db_instance" "replica" {',
  '  replicate_source_db = aws_db_instance.a.identifier',
  '}',
  'resource "aws_db_instance" "ok" {',
  '  multi_az = true',
  '}',
);

test('tf-aws/rds-single-az: multi_az absent or false', async () => {
  await expectLines(rule, { 'rds.tf': RDS }, ['rds.tf:1', 'rds.tf:5']);
});

test('tf-aws/rds-single-az: silent for development', async () => {
  await expectLines(rule, { 'dev/rds.tf': RDS }, []);
  await expectLines(rule, { 'rds.tf': RDS }, [], { environment: 'development' });
});
