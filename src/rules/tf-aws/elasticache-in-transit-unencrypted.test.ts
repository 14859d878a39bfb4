import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './elasticache-in-transit-unencrypted.js';

test('tf-aws/elasticache-in-transit-unencrypted: replication group and Memcached cluster without TLS', async () => {
  const findings = await expectLines(
    rule,
    {
      'cache.tf': text(
        'resource "aws_elasticache_replication_group" "a" {',
        '  transit_encryption_enabled = false',
        '}',
        'resource "aws_elasticache_cluster" "old" {',
        '  engine         = "memcached"',
        '  engine_version = "1.4.34"',
        '}',
      ),
    },
    ['cache.tf:2', 'cache.tf:4'],
  );
  assert.match(findings[1]!.message, /1\.6\.12/);
});

test('tf-aws/elasticache-in-transit-unencrypted: TLS on, and Redis standalone clusters (reported by the at-rest rule) are silent', async () => {
  await expectLines(
    rule,
    {
      'cache.tf': text(
        'resource "aws_elasticache_replication_group" "a" {',
        '  transit_encryption_enabled = true',
        '}',
        'resource "aws_elasticache_cluster" "m" {',
        '  engine                     = "memcached"',
        '  transit_encryption_enabled = true',
        '}',
        'resource "aws_elasticache_cluster" "r" {',
        '  engine = "redis"',
        '}',
      ),
    },
    [],
  );
});
