import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './s3-cors-wildcard-write.js';

test('tf-aws/s3-cors-wildcard-write: "*" origins with PUT/POST/DELETE (configuration resource and legacy inline rule)', async () => {
  await expectLines(
    rule,
    {
      's3.tf': text(
        'resource "aws_s3_bucket_cors_configuration" "assets" {',
        '  bucket = aws_s3_bucket.assets.id',
        '  cors_rule {',
        '    allowed_methods = ["GET", "PUT", "POST", "DELETE", "HEAD"]',
        '    allowed_origins = ["*"]',
        '  }',
        '}',
        'resource "aws_s3_bucket" "legacy" {',
        '  cors_rule {',
        '    allowed_methods = ["PUT"]',
        '    allowed_origins = var.origins',
        '  }',
        '}',
        'variable "origins" {',
        '  default = ["*"]',
        '}',
      ),
    },
    ['s3.tf:5', 's3.tf:11'],
  );
});

test('tf-aws/s3-cors-wildcard-write: GET-only wildcard, listed origins and unknown origins are silent', async () => {
  await expectLines(
    rule,
    {
      's3.tf': text(
        'resource "aws_s3_bucket_cors_configuration" "a" {',
        '  cors_rule {',
        '    allowed_methods = ["GET", "HEAD"]',
        '    allowed_origins = ["*"]',
        '  }',
        '  cors_rule {',
        '    allowed_methods = ["PUT", "POST"]',
        '    allowed_origins = ["https://${var.domain}"]',
        '  }',
        '  cors_rule {',
        '    allowed_methods = ["PUT"]',
        '    allowed_origins = var.unknown',
        '  }',
        '}',
        'variable "domain" { default = "example.jp" }',
        'variable "unknown" {}',
      ),
    },
    [],
  );
});
