import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './rds-skip-final-snapshot.js';

const RDS = text(
  'resource "aws_db_instance" "a" {',
  '  skip_final_snapshot = true',
  '}',
  'resource "aws_rds_cluster" "b" {',
  '  skip_final_snapshot = local.skip',
  '}',
  'locals {',
  '  skip = var.env != "production"',
  '}',
  'variable "env" {',
  '  default = "dev"',
  '}',
);

test('tf-aws/rds-skip-final-snapshot: true, also through a local computed from a variable', async () => {
  await expectLines(rule, { 'rds.tf': RDS }, ['rds.tf:2', 'rds.tf:5']);
});

test('tf-aws/rds-skip-final-snapshot: the production tfvars makes the local false; absent is silent; development is silent', async () => {
  await expectLines(rule, { 'rds.tf': RDS, 'prod.tfvars': text('env = "production"') }, ['rds.tf:2']);
  await expectLines(rule, { 'rds.tf': text('resource "aws_db_instance" "a" {', '  skip_final_snapshot = false', '}', 'resource "aws_db_instance" "b" {', '}') }, []);
  await expectLines(rule, { 'envs/development/rds.tf': RDS }, []);
});
