import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './cloudfront-cache-unreviewed.js';

const CDN = text(
  'resource "aws_cloudfront_distribution" "cdn" {',
  '  default_cache_behavior {',
  '    min_ttl     = 0',
  '    default_ttl = 0',
  '    max_ttl     = 0',
  '  }',
  '  ordered_cache_behavior {',
  '    path_pattern = "/assets/*"',
  '    min_ttl      = 0',
  '    default_ttl  = 31536000',
  '    max_ttl      = 31536000',
  '  }',
  '  ordered_cache_behavior {',
  '    path_pattern    = "/api/*"',
  '    cache_policy_id = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"',
  '  }',
  '}',
  'resource "aws_cloudfront_distribution" "cheap" {',
  '  price_class = "PriceClass_100"',
  '  default_cache_behavior {',
  '    cache_policy_id = aws_cloudfront_cache_policy.short.id',
  '  }',
  '}',
  'resource "aws_cloudfront_cache_policy" "short" {',
  '  min_ttl     = 0',
  '  default_ttl = 3600',
  '  max_ttl     = 86400',
  '}',
);

test('tf-aws/cloudfront-cache-unreviewed: one info item per distribution with its price class and TTLs (S4.17)', async () => {
  const findings = await expectLines(rule, { 'cdn.tf': CDN }, ['cdn.tf:1', 'cdn.tf:18']);
  assert.deepEqual(findings.map((f) => f.severity), ['info', 'info']);
  assert.match(findings[0]!.message, /price class PriceClass_All \(not set\); cache behaviours — default: TTL 0\/0\/0 \(not cached\); "\/assets\/\*": TTL 0\/1y\/1y; "\/api\/\*": Managed-CachingDisabled/);
  assert.match(findings[1]!.message, /price class PriceClass_100; cache behaviours — default: cache policy aws_cloudfront_cache_policy.short \(TTL 0\/1h\/1d\)/);
});

test('tf-aws/cloudfront-cache-unreviewed: only for production; nothing without a distribution', async () => {
  await expectLines(rule, { 'cdn.tf': CDN }, [], { environment: 'staging' });
  await expectLines(rule, { 'cdn.tf': text('resource "aws_cloudfront_cache_policy" "p" {', '}') }, []);
});
