import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './iam-admin-policy.js';

test('tf-aws/iam-admin-policy: AdministratorAccess (high) and *FullAccess (medium) attached to roles, users and groups', async () => {
  const findings = await expectLines(
    rule,
    {
      'iam.tf': text(
        'resource "aws_iam_role_policy_attachment" "admin" {',
        '  role       = aws_iam_role.app.name',
        '  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"',
        '}',
        'resource "aws_iam_user_policy_attachment" "s3" {',
        '  user       = "deployer"',
        '  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonS3FullAccess"',
        '}',
        'resource "aws_iam_role" "app" {',
        '  name                = "app"',
        '  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess",',
        '    "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess"]',
        '}',
        'data "aws_iam_policy" "admin" {',
        '  name = "AdministratorAccess"',
        '}',
        'resource "aws_iam_group_policy_attachment" "ops" {',
        '  group      = "ops"',
        '  policy_arn = data.aws_iam_policy.admin.arn',
        '}',
      ),
    },
    ['iam.tf:3', 'iam.tf:7', 'iam.tf:12', 'iam.tf:19'],
  );
  assert.deepEqual(findings.map((f) => f.severity), ['high', 'medium', 'medium', 'high']);
  assert.match(findings[0]!.message, /AdministratorAccess is attached to role aws_iam_role\.app/);
});

test('tf-aws/iam-admin-policy: narrow managed policies and customer policies are silent', async () => {
  await expectLines(
    rule,
    {
      'iam.tf': text(
        'resource "aws_iam_role_policy_attachment" "exec" {',
        '  role       = aws_iam_role.app.name',
        '  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"',
        '}',
        'resource "aws_iam_role_policy_attachment" "own" {',
        '  role       = aws_iam_role.app.name',
        '  policy_arn = aws_iam_policy.app.arn',
        '}',
      ),
    },
    [],
  );
});
