import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../facts/terraform/types.js';
import { expectLines, text } from '../../testing/harness.js';
import rule, { imageTag } from './ecs-image-latest.js';

test('tf-aws/ecs-image-latest: :latest (literal or from a variable default) and untagged images', async () => {
  await expectLines(
    rule,
    {
      'ecs.tf': text(
        'resource "aws_ecs_task_definition" "a" {',
        '  container_definitions = jsonencode([',
        '    { name = "a", image = "nginx:latest" },',
        '    { name = "b", image = "${aws_ecr_repository.app.repository_url}:${var.tag}" },',
        '    { name = "c", image = "public.ecr.aws/docker/library/redis" },',
        '    { name = "d", image = aws_ecr_repository.app.repository_url },',
        '  ])',
        '}',
        'variable "tag" {',
        '  default = "latest"',
        '}',
      ),
    },
    ['ecs.tf:3', 'ecs.tf:4', 'ecs.tf:5', 'ecs.tf:6'],
  );
});

test('tf-aws/ecs-image-latest: pinned tags, digests, registry ports and unknown tags are silent', async () => {
  await expectLines(
    rule,
    {
      'ecs.tf': text(
        'resource "aws_ecs_task_definition" "a" {',
        '  container_definitions = jsonencode([',
        '    { name = "a", image = "nginx:1.27.2" },',
        '    { name = "b", image = "${aws_ecr_repository.app.repository_url}:${var.tag}" },',
        '    { name = "c", image = "registry.example.com:5000/app@sha256:0123456789abcdef" },',
        '    { name = "d", image = var.image },',
        '  ])',
        '}',
        'variable "tag" {}',
        'variable "image" {}',
      ),
    },
    [],
  );
  assert.equal(imageTag('localhost:5000/app'), undefined);
  assert.equal(imageTag(`${UNKNOWN_MARK}:v1`), 'v1');
  assert.equal(imageTag(`app:${UNKNOWN_MARK}`), null);
});
