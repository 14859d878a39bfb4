import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './ecs-secret-in-environment.js';

const ECS = text(
  'resource "aws_ecs_task_definition" "app" {',
  '  container_definitions = jsonencode([{',
  '    name = "rails"',
  '    environment = [',
  '      { name = "SECRET_KEY_BASE", value = var.secret_key_base },',
  '      { name = "AWS_ACCESS_KEY_ID", value = "AKIAIOSFODNN7EXAMPL1" },',
  '      { name = "SMTP_PASSWORD", value = "changeme" },',
  '      { name = "RAILS_ENV", value = "production" },',
  '      { name = "DB_PASSWORD", value = aws_db_instance.db.password },',
  '    ]',
  '  }])',
  '}',
  'variable "secret_key_base" {',
  '  default = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071"',
  '}',
);

test('tf-aws/ecs-secret-in-environment: secret-named literals and AWS key ids in container environment (at the entry)', async () => {
  const findings = await expectLines(rule, { 'ecs.tf': ECS }, ['ecs.tf:5', 'ecs.tf:6', 'ecs.tf:9']);
  assert.deepEqual(findings.map((f) => f.severity), ['high', 'high', 'medium']);
  assert.match(findings[2]!.message, /plain `environment` \(aws_db_instance\.db\.password\)/);
  const all = JSON.stringify(findings);
  assert.ok(!all.includes('0a1b2c3d4e5f6071') && !all.includes('AKIAIOSFODNN7EXAMPL1'));
  assert.match(findings[0]!.message, /default of variable "secret_key_base"/);
});

test('tf-aws/ecs-secret-in-environment: JSON heredoc definitions are read too; secrets, ARNs and non-secret names are silent', async () => {
  await expectLines(
    rule,
    {
      'ecs.tf': text(
        'resource "aws_ecs_task_definition" "app" {',
        '  container_definitions = <<DEFS',
        '[{"name": "web",',
        '  "environment": [{"name": "API_KEY", "value": "k-1234567890abcdef1234567890abcdef"}],',
        '  "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:ap-northeast-1:123456789012:parameter/db"}]}]',
        'DEFS',
        '}',
      ),
    },
    ['ecs.tf:4'],
  );
  await expectLines(rule, { 'ecs.tf': text('resource "aws_ecs_task_definition" "a" {', '  container_definitions = jsonencode([{ name = "w", environment = [{ name = "TOKEN_ARN", value = var.t }, { name = "MODE", value = var.t }] }])', '}', 'variable "t" {}') }, []);
});
