import { test } from 'node:test';
import { expectLines, text } from '../../testing/tf-aws.js';
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

test('tf-aws/iam-user-access-key: an unused key and a task role are silent', async () => {
  await expectLines(
    rule,
    {
      'iam.tf': text(
        'resource "aws_iam_access_key" "human" {',
        '  user = "alice"',
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
