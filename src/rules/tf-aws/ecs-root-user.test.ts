import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './ecs-root-user.js';

test('tf-aws/ecs-root-user: user root / 0 / 0:0', async () => {
  await expectLines(
    rule,
    {
      'ecs.tf': text(
        'resource "aws_ecs_task_definition" "a" {',
        '  container_definitions = jsonencode([',
        '    { name = "a", user = "root" },',
        '    { name = "b", user = "0:0" },',
        '    {',
        '      name = "c"',
        '      user = "0"',
        '    },',
        '  ])',
        '}',
      ),
    },
    ['ecs.tf:3', 'ecs.tf:4', 'ecs.tf:7'],
  );
});

test('tf-aws/ecs-root-user: non-root users and no user are silent', async () => {
  await expectLines(rule, { 'ecs.tf': text('resource "aws_ecs_task_definition" "a" {', '  container_definitions = jsonencode([{ name = "a", user = "10001" }, { name = "b" }, { name = "c", user = "app:app" }])', '}') }, []);
});
