import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './iam-user-access-key.js';

test('tf-aws/iam-user-access-key: a key passed to an ECS environment, an output or an SSM parameter (at the key)', async () => {
  await expectLines(
    rule,
    {
      'iam.tf': text(
        'resource "aws_iam_user" "app" {',
        '  name = "app"',
        '}',
        'resource "aws_iam_access_key" "app" {',
        '  user = aws_iam_user.app.name',
        '}',
        'resource "aws_iam_access_key" "ci" {',
        '  user = "ci"',
        '}',
        'output "ci_secret" {',
        '  value     = aws_iam_access_key.ci.secret',
        '  sensitive = true',
        '}',
      ),
      'ecs.tf': text(
        'resource "aws_ecs_task_definition" "t" {',
        '  container_definitions = jsonencode([{',
        '    name        = "web"',
        '    environment = [{ name = "AWS_SECRET_ACCESS_KEY", value = aws_iam_access_key.app.secret }]',
        '  }])',
        '}',
      ),
    },
    ['iam.tf:4', 'iam.tf:7'],
  );
});

test('tf-aws/iam-user-access-key: a key handed to nothing is reported at low severity', async () => {
  const findings = await expectLines(
    rule,
    {
      'iam.tf': text(
        'resource "aws_iam_user" "ci" {',
        '  name = "ci"',
        '}',
        'resource "aws_iam_access_key" "ci" {',
        '  user = aws_iam_user.ci.name',
        '}',
      ),
    },
    ['iam.tf:4'],
  );
  assert.equal(findings[0]!.severity, 'low');
  assert.match(findings[0]!.message, /aws_iam_access_key\.ci of aws_iam_user\.ci is created but not handed to anything/);
});

test('tf-aws/iam-user-access-key: no access key (a task role) is silent', async () => {
  await expectLines(
    rule,
    {
      'iam.tf': text(
        'resource "aws_iam_user" "alice" {',
        '  name = "alice"',
        '}',
        'resource "aws_ecs_task_definition" "t" {',
        '  task_role_arn         = aws_iam_role.task.arn',
        '  container_definitions = jsonencode([{ name = "web", environment = [{ name = "MODE", value = "live" }] }])',
        '}',
      ),
    },
    [],
  );
});
