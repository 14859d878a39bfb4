import { test } from 'node:test';
import { expectLines, text } from '../../testing/tf-aws.js';
import rule from './s3-public-access-block-missing.js';

test('tf-aws/s3-public-access-block-missing: a bucket without a block; a block with false or unset flags', async () => {
  await expectLines(
    rule,
    {
      's3.tf': text(
        'resource "aws_s3_bucket" "covered" {',
        '  bucket = "covered-bucket"',
        '}',
        'resource "aws_s3_bucket" "bare" {',
        '  bucket = "bare-bucket"',
        '}',
        'resource "aws_s3_bucket_public_access_block" "covered" {',
        '  bucket                  = "covered-bucket"',
        '  block_public_acls       = true',
        '  block_public_policy     = false',
        '  ignore_public_acls      = true',
        '}',
      ),
    },
    ['s3.tf:4', 's3.tf:7', 's3.tf:10'],
  );
});

test('tf-aws/s3-public-access-block-missing: complete blocks, an account-level block, or an unresolvable block are silent', async () => {
  const full = (name: string, bucket: string) =>
    text(`resource "aws_s3_bucket_public_access_block" "${name}" {`, `  bucket                  = ${bucket}`, '  block_public_acls       = true', '  block_public_policy     = true', '  ignore_public_acls      = true', '  restrict_public_buckets = true', '}');
  await expectLines(rule, { 's3.tf': text('resource "aws_s3_bucket" "a" {', '}') + full('a', 'aws_s3_bucket.a.id') }, []);
  await expectLines(rule, { 's3.tf': text('resource "aws_s3_bucket" "a" {', '}'), 'account.tf': full('acct', '"ignored"').replace('aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block').replace(/\n  bucket .*\n/, '\n') }, []);
  await expectLines(rule, { 's3.tf': text('resource "aws_s3_bucket" "a" {', '}') + full('x', 'var.bucket_name'), 'v.tf': text('variable "bucket_name" {}') }, []);
});
