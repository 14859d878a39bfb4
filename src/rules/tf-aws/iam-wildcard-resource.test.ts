import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule, { isWriteAction } from './iam-wildcard-resource.js';

test('tf-aws/iam-wildcard-resource: write actions on Resource "*" (at the "*")', async () => {
  await expectLines(
    rule,
    {
      'iam.tf': text(
        'resource "aws_iam_role_policy" "a" {',
        '  policy = jsonencode({',
        '    Statement = [{',
        '      Effect   = "Allow"',
        '      Action   = ["s3:PutObject", "s3:DeleteObject"]',
        '      Resource = "*"',
        '    }]',
        '  })',
        '}',
        'data "aws_iam_policy_document" "b" {',
        '  statement {',
        '    actions   = ["dynamodb:GetItem", "dynamodb:DeleteItem"]',
        '    resources = ["*"]',
        '  }',
        '}',
      ),
    },
    ['iam.tf:6', 'iam.tf:13'],
  );
});

test('tf-aws/iam-wildcard-resource: read-only, resource-less actions, conditions, scoped resources, Action "*" and service wildcards are silent here', async () => {
  await expectLines(
    rule,
    {
      'iam.tf': text(
        'resource "aws_iam_policy" "read" {',
        '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["ec2:Describe*", "s3:GetObject", "s3:ListBucket"], Resource = "*" }] })',
        '}',
        'resource "aws_iam_policy" "metrics" {',
        '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["cloudwatch:PutMetricData", "ssmmessages:CreateControlChannel"], Resource = "*" }] })',
        '}',
        'resource "aws_iam_policy" "cond" {',
        '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "ec2:StopInstances", Resource = "*", Condition = { StringEquals = { "aws:ResourceTag/app" = "web" } } }] })',
        '}',
        'resource "aws_iam_policy" "scoped" {',
        '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = "${aws_s3_bucket.b.arn}/*" }] })',
        '}',
        'resource "aws_iam_policy" "admin" {',
        '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })',
        '}',
        'resource "aws_iam_policy" "service" {',
        '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["s3:*", "ec2:*"], Resource = "*" }] })',
        '}',
      ),
    },
    [],
  );
  assert.equal(isWriteAction('s3:PutObject'), true);
  assert.equal(isWriteAction('s3:Get*'), false);
  assert.equal(isWriteAction('sqs:*'), true);
});
