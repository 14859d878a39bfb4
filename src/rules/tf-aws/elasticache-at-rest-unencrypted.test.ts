import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './elasticache-at-rest-unencrypted.js';

test('tf-aws/elasticache-at-rest-unencrypted: Redis replication group unset / false; standalone Redis cluster', async () => {
  await expectLines(
    rule,
    {
      'cache.tf': text(
        'resource "aws_elasticache_replication_group" "a" {',
        '  engine = "redis"',
        '}',
        'resource "aws_elasticache_replication_group" "b" {',
        '  at_rest_encryption_enabled = false',
        '}',
        'resource "aws_elasticache_cluster" "c" {',
        '  engine          = "redis"',
        '  num_cache_nodes = 1',
        '}',
      ),
    },
    ['cache.tf:1', 'cache.tf:5', 'cache.tf:8'],
  );
});

test('tf-aws/elasticache-at-rest-unencrypted: encrypted, Valkey default, Memcached and group members are silent', async () => {
  await expectLines(
    rule,
    {
      'cache.tf': text(
        'resource "aws_elasticache_replication_group" "a" {',
        '  at_rest_encryption_enabled = true',
        '}',
        'resource "aws_elasticache_replication_group" "v" {',
        '  engine = "valkey"',
        '}',
        'resource "aws_elasticache_cluster" "m" {',
        '  engine = "memcached"',
        '}',
        'resource "aws_elasticache_cluster" "member" {',
        '  replication_group_id = aws_elasticache_replication_group.a.id',
        '}',
      ),
    },
    [],
  );
});
