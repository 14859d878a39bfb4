import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './iam-wildcard-action.js';

test('tf-aws/iam-wildcard-action: Action "*" in jsonencode, a JSON heredoc and a policy document; NotAction', async () => {
  await expectLines(
    rule,
    {
      'iam.tf': text(
        'resource "aws_iam_policy" "a" {',
        '  policy = jsonencode({',
        '    Statement = [{',
        '      Effect   = "Allow"',
        '      Action   = "*"',
        '      Resource = "*"',
        '    }]',
        '  })',
        '}',
        'resource "aws_iam_role_policy" "b" {',
        '  policy = <<EOF',
        '{"Statement": [{"Effect": "Allow",',
        '  "Action": ["s3:GetObject", "*"],',
        '  "Resource": "${aws_s3_bucket.x.arn}"}]}',
        'EOF',
        '}',
        'data "aws_iam_policy_document" "c" {',
        '  statement {',
        '    actions   = ["*"]',
        '    resources = ["arn:aws:s3:::bucket/*"]',
        '  }',
        '  statement {',
        '    not_actions = ["iam:*"]',
        '    resources   = ["*"]',
        '  }',
        '}',
      ),
    },
    ['iam.tf:5', 'iam.tf:13', 'iam.tf:19', 'iam.tf:23'],
  );
});

test('tf-aws/iam-wildcard-action: Deny statements, trust / bucket policies and scoped actions are silent', async () => {
  await expectLines(
    rule,
    {
      'iam.tf': text(
        'resource "aws_iam_policy" "deny" {',
        '  policy = jsonencode({ Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }] })',
        '}',
        'resource "aws_s3_bucket_policy" "p" {',
        '  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "*", Resource = "*" }] })',
        '}',
        'data "aws_iam_policy_document" "trust" {',
        '  statement {',
        '    actions = ["*"]',
        '    principals {',
        '      type        = "Service"',
        '      identifiers = ["ecs-tasks.amazonaws.com"]',
        '    }',
        '  }',
        '}',
        'resource "aws_iam_policy" "ok" {',
        '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }] })',
        '}',
      ),
    },
    [],
  );
});
