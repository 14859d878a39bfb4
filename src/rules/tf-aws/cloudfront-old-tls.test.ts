import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './cloudfront-old-tls.js';

test('tf-aws/cloudfront-old-tls: TLSv1 (medium), TLSv1.2_2019 (low), custom certificate without a minimum (medium)', async () => {
  const findings = await expectLines(
    rule,
    {
      'cdn.tf': text(
        'resource "aws_cloudfront_distribution" "a" {',
        '  viewer_certificate {',
        '    acm_certificate_arn      = aws_acm_certificate.a.arn',
        '    minimum_protocol_version = "TLSv1"',
        '  }',
        '}',
        'resource "aws_cloudfront_distribution" "b" {',
        '  viewer_certificate {',
        '    acm_certificate_arn      = aws_acm_certificate.a.arn',
        '    minimum_protocol_version = "TLSv1.2_2019"',
        '  }',
        '}',
        'resource "aws_cloudfront_distribution" "c" {',
        '  viewer_certificate {',
        '    acm_certificate_arn = aws_acm_certificate.a.arn',
        '  }',
        '}',
      ),
    },
    ['cdn.tf:4', 'cdn.tf:10', 'cdn.tf:14'],
  );
  assert.deepEqual(findings.map((f) => f.severity), ['medium', 'low', 'medium']);
});

test('tf-aws/cloudfront-old-tls: TLSv1.2_2021 is silent', async () => {
  await expectLines(
    rule,
    {
      'cdn.tf': text(
        'resource "aws_cloudfront_distribution" "a" {',
        '  viewer_certificate {',
        '    acm_certificate_arn      = aws_acm_certificate.a.arn',
        '    minimum_protocol_version = "TLSv1.2_2021"',
        '  }',
        '}',
      ),
    },
    [],
  );
});

test('tf-aws/cloudfront-old-tls: the default *.cloudfront.net certificate (fixed at TLSv1) and a missing viewer_certificate are low', async () => {
  const findings = await expectLines(
    rule,
    {
      'cdn.tf': text(
        'resource "aws_cloudfront_distribution" "a" {',
        '  viewer_certificate {',
        '    cloudfront_default_certificate = true',
        '  }',
        '}',
        'resource "aws_cloudfront_distribution" "b" {',
        '  enabled = true',
        '}',
        'resource "aws_cloudfront_distribution" "c" {',
        '  viewer_certificate {',
        '    cloudfront_default_certificate = false',
        '  }',
        '}',
      ),
    },
    ['cdn.tf:3', 'cdn.tf:6', 'cdn.tf:10'],
  );
  assert.deepEqual(findings.map((f) => f.severity), ['low', 'low', 'low']);
  assert.match(findings[2]!.message, /hashicorp\/aws default "TLSv1" assumed/);
});
