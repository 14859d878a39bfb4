import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './ecr-scan-on-push-disabled.js';

const ECR = text(
  'resource "aws_ecr_repository" "a" {',
  '  name = "a"',
  '}',
  'resource "aws_ecr_repository" "b" {',
  '  image_scanning_configuration {',
  '    scan_on_push = false',
  '  }',
  '}',
  'resource "aws_ecr_repository" "ok" {',
  '  image_scanning_configuration {',
  '    scan_on_push = true',
  '  }',
  '}',
);

test('tf-aws/ecr-scan-on-push-disabled: scanning absent or scan_on_push = false', async () => {
  await expectLines(rule, { 'ecr.tf': ECR }, ['ecr.tf:1', 'ecr.tf:6']);
});

test('tf-aws/ecr-scan-on-push-disabled: registry-level scanning covers every repository', async () => {
  await expectLines(rule, { 'ecr.tf': ECR, 'registry.tf': text('resource "aws_ecr_registry_scanning_configuration" "r" {', '  scan_type = "ENHANCED"', '}') }, []);
});
