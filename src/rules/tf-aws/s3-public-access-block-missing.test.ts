import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './s3-public-access-block-missing.js';

test('tf-aws/s3-public-access-block-missing: a bucket without a block (low); a block with false or unset flags (medium)', async () => {
  const findings = await expectLines(
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
  assert.deepEqual(findings.map((f) => f.severity), ['low', 'medium', 'medium']);
});

test('tf-aws/s3-public-access-block-missing: the s3-bucket registry module creates a block (v4+: all true; v3: false by default)', async () => {
  const call = (version: string) => text('module "assets" {', '  source  = "terraform-aws-modules/s3-bucket/aws"', `  version = "${version}"`, '  bucket  = "assets"', '}');
  await expectLines(rule, { 's3.tf': call('~> 4.1') }, []);
  const v3 = await expectLines(rule, { 's3.tf': call('3.15.1') }, ['s3.tf:1']);
  assert.match(v3[0]!.message, /block_public_acls, block_public_policy, ignore_public_acls, restrict_public_buckets are false \(input "block_public_acls" not set: the default of terraform-aws-modules\/s3-bucket\/aws v3.x applies/);
});

test('tf-aws/s3-public-access-block-missing: complete blocks, an account-level block, or an unresolvable block are silent', async () => {
  const full = (name: string, bucket: string) =>
    text(`resource "aws_s3_bucket_public_access_block" "${name}" {`, `  bucket                  = ${bucket}`, '  block_public_acls       = true', '  block_public_policy     = true', '  ignore_public_acls      = true', '  restrict_public_buckets = true', '}');
  await expectLines(rule, { 's3.tf': text('resource "aws_s3_bucket" "a" {', '}') + full('a', 'aws_s3_bucket.a.id') }, []);
  await expectLines(rule, { 's3.tf': text('resource "aws_s3_bucket" "a" {', '}'), 'account.tf': full('acct', '"ignored"').replace('aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block').replace(/\n  bucket .*\n/, '\n') }, []);
  await expectLines(rule, { 's3.tf': text('resource "aws_s3_bucket" "a" {', '}') + full('x', 'var.bucket_name'), 'v.tf': text('variable "bucket_name" {}') }, []);
});
