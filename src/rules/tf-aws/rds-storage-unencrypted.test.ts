import { test } from 'node:test';
import { expectLines, text } from '../../testing/tf-aws.js';
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
