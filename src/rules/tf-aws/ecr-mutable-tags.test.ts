import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './ecr-mutable-tags.js';

test('tf-aws/ecr-mutable-tags: mutability absent or MUTABLE', async () => {
  await expectLines(rule, { 'ecr.tf': text('resource "aws_ecr_repository" "a" {', '}', 'resource "aws_ecr_repository" "b" {', '  image_tag_mutability = "MUTABLE"', '}') }, ['ecr.tf:1', 'ecr.tf:4']);
});

test('tf-aws/ecr-mutable-tags: IMMUTABLE is silent', async () => {
  await expectLines(rule, { 'ecr.tf': text('resource "aws_ecr_repository" "a" {', '  image_tag_mutability = "IMMUTABLE"', '}') }, []);
});
