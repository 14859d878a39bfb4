import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './ecs-placeholder-value.js';

const ECS = text(
  'resource "aws_ecs_task_definition" "app" {',
  '  container_definitions = jsonencode([{',
  '    name = "rails"',
  '    environment = [',
  '      { name = "TNG_SENDER_USERNAME", value = "your_smtp_username" },',
  '      { name = "TNG_SENDER_PASSWORD", value = var.smtp_password },',
  '      { name = "SEARCH_ENDPOINT", value = "https://search.example.internal" },',
  '    ]',
  '  }])',
  '}',
  'variable "smtp_password" {',
  '  default = "your_smtp_password"',
  '}',
);

test('tf-aws/ecs-placeholder-value: placeholders in container environment, also from a variable default', async () => {
  const findings = await expectLines(rule, { 'ecs.tf': ECS }, ['ecs.tf:5', 'ecs.tf:6']);
  assert.match(findings[0]!.message, /your_smtp_username/);
  assert.doesNotMatch(findings[1]!.message, /your_smtp_password/); // secret-named: the value is not shown
});

test('tf-aws/ecs-placeholder-value: production tfvars providing the value; development environment', async () => {
  await expectLines(rule, { 'ecs.tf': ECS, 'production.tfvars': text('smtp_password = "a-real-value-from-ci"') }, ['ecs.tf:5']);
  await expectLines(rule, { 'ecs.tf': ECS }, [], { environment: 'development' });
  await expectLines(rule, { 'envs/dev/ecs.tf': ECS }, []);
});
