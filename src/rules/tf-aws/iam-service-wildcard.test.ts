import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './iam-service-wildcard.js';

test('tf-aws/iam-service-wildcard: s3:* / ec2:* / iam:* on Resource "*" (jsonencode, heredoc, policy document); a Condition lowers it', async () => {
  const findings = await expectLines(
    rule,
    {
      'iam.tf': text(
        'resource "aws_iam_role_policy" "app" {',
        '  policy = jsonencode({',
        '    Statement = [{',
        '      Effect   = "Allow"',
        '      Action   = ["s3:GetObject", "s3:*", "rds:*"]',
        '      Resource = "*"',
        '    }]',
        '  })',
        '}',
        'resource "aws_iam_user_policy" "ops" {',
        '  policy = <<EOF',
        '{"Statement": [{"Effect": "Allow",',
        '  "Action": ["iam:*"],',
        '  "Resource": "*"}]}',
        'EOF',
        '}',
        'data "aws_iam_policy_document" "tagged" {',
        '  statement {',
        '    actions   = ["ec2:*"]',
        '    resources = ["*"]',
        '    condition {',
        '      test     = "StringEquals"',
        '      variable = "aws:ResourceTag/team"',
        '      values   = ["web"]',
        '    }',
        '  }',
        '}',
      ),
    },
    ['iam.tf:5', 'iam.tf:13', 'iam.tf:19'],
  );
  assert.deepEqual(findings.map((f) => f.severity), ['high', 'high', 'medium']);
  assert.match(findings[1]!.message, /iam:\* can be turned into administrator access/);
});

test('tf-aws/iam-service-wildcard: scoped resources, single actions, Action "*", Deny and trust / resource policies are silent', async () => {
  await expectLines(
    rule,
    {
      'iam.tf': text(
        'resource "aws_iam_policy" "bucket" {',
        '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = ["${aws_s3_bucket.b.arn}", "${aws_s3_bucket.b.arn}/*"] }] })',
        '}',
        'resource "aws_iam_policy" "one" {',
        '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = "*" }] })',
        '}',
        'resource "aws_iam_policy" "admin" {',
        '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })',
        '}',
        'resource "aws_iam_policy" "deny" {',
        '  policy = jsonencode({ Statement = [{ Effect = "Deny", Action = "s3:*", Resource = "*" }] })',
        '}',
        'resource "aws_s3_bucket_policy" "p" {',
        '  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "s3:*", Resource = "*" }] })',
        '}',
      ),
    },
    [],
  );
});
