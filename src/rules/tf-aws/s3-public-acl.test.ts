import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './s3-public-acl.js';

test('tf-aws/s3-public-acl: public-read, public-read-write and AllUsers grants', async () => {
  const findings = await expectLines(
    rule,
    {
      's3.tf': text(
        'resource "aws_s3_bucket_acl" "a" {',
        '  bucket = aws_s3_bucket.a.id',
        '  acl    = "public-read"',
        '}',
        'resource "aws_s3_bucket" "legacy" {',
        '  acl = "public-read-write"',
        '}',
        'resource "aws_s3_bucket_acl" "grants" {',
        '  access_control_policy {',
        '    grant {',
        '      grantee {',
        '        type = "Group"',
        '        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"',
        '      }',
        '      permission = "READ"',
        '    }',
        '  }',
        '}',
      ),
    },
    ['s3.tf:3', 's3.tf:6', 's3.tf:13'],
  );
  assert.deepEqual(findings.map((f) => f.severity), ['high', 'critical', 'high']);
});

test('tf-aws/s3-public-acl: private ACLs are silent', async () => {
  await expectLines(rule, { 's3.tf': text('resource "aws_s3_bucket_acl" "a" {', '  acl = "private"', '}', 'resource "aws_s3_bucket" "b" {', '  acl = "log-delivery-write"', '}') }, []);
});
