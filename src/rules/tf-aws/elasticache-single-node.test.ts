import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './elasticache-single-node.js';

const CACHE = text(
  'resource "aws_elasticache_cluster" "memcached" {',
  '  engine          = "memcached"',
  '  num_cache_nodes = var.nodes',
  '}',
  'variable "nodes" {',
  '  default = 1',
  '}',
  'resource "aws_elasticache_replication_group" "redis" {',
  '  num_cache_clusters = 1',
  '}',
);

test('tf-aws/elasticache-single-node: one node (cluster) or one cache cluster (replication group)', async () => {
  await expectLines(rule, { 'cache.tf': CACHE }, ['cache.tf:3', 'cache.tf:9']);
});

test('tf-aws/elasticache-single-node: production tfvars with 3 nodes, two clusters, and development are silent for that resource', async () => {
  await expectLines(rule, { 'cache.tf': CACHE, 'production.tfvars': text('nodes = 3') }, ['cache.tf:9']);
  await expectLines(rule, { 'cache.tf': CACHE }, [], { environment: 'development' });
});
