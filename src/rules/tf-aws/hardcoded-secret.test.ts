import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './hardcoded-secret.js';

test('tf-aws/hardcoded-secret: secret-named variable defaults, tfvars, locals and resource arguments', async () => {
  const findings = await expectLines(
    rule,
    {
      'app/main.tf': text(
        'variable "rails_secret_key_base" {',
        '  default = "8f4e2b1c9d7a6e5f3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e"',
        '}',
        'variable "api_token" {',
        '  default = "your_api_token_here"',
        '}',
        'locals {',
        '  stripe_secret = "sk_live_notreal_1234567890abcdef"',
        '}',
        'resource "aws_elasticache_replication_group" "r" {',
        '  auth_token = "redis-auth-token-0123456789abcdef"',
        '}',
        'resource "aws_secretsmanager_secret_version" "v" {',
        '  secret_string = jsonencode({ password = "json-nested-password-99" })',
        '}',
        'resource "aws_ssm_parameter" "p" {',
        '  name  = "/app/stripe"',
        '  type  = "SecureString"',
        '  value = "ssm-secure-string-literal-42"',
        '}',
        'resource "aws_ssm_parameter" "plain" {',
        '  name  = "/app/mode"',
        '  type  = "String"',
        '  value = "live"',
        '}',
      ),
      'app/production.tfvars': text('smtp_password = "smtp-password-from-tfvars"'),
    },
    ['app/main.tf:2', 'app/main.tf:5', 'app/main.tf:8', 'app/main.tf:11', 'app/main.tf:14', 'app/main.tf:19', 'app/production.tfvars:1'],
  );
  const all = JSON.stringify(findings);
  for (const s of ['8f4e2b1c9d7a6e5f', 'sk_live_notreal', 'redis-auth-token', 'json-nested-password', 'smtp-password-from', 'ssm-secure-string-literal']) assert.ok(!all.includes(s), `${s} leaked`);
  assert.match(findings[1]!.message, /placeholder/);
});

test('tf-aws/hardcoded-secret: references, ARNs, placeholders overridden for the target, RDS passwords and other environments are silent', async () => {
  await expectLines(
    rule,
    {
      'main.tf': text(
        'variable "api_token" {',
        '  default = "changeme"',
        '}',
        'variable "secret_arn" {',
        '  default = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:app"',
        '}',
        'resource "aws_db_instance" "db" {',
        '  password = "only-reported-by-the-rds-rule"',
        '}',
        'resource "aws_elasticache_replication_group" "r" {',
        '  auth_token = random_password.redis.result',
        '}',
      ),
      'production.tfvars': text('api_token = data.x'),
      'dev.tfvars': text('smtp_password = "dev-only-password-value"'),
    },
    [],
  );
});
