import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './provider-credentials.js';

test('tf-aws/provider-credentials: access_key / secret_key literals in provider "aws", in any environment', async () => {
  const findings = await expectLines(
    rule,
    {
      'envs/dev/main.tf': text('provider "aws" {', '  region     = "ap-northeast-1"', '  access_key = "AKIAABCDEFGHIJKLMNOP"', '  secret_key = "abcdEFGHijklMNOPqrstUVWXyz0123456789ABCD"', '}'),
    },
    ['envs/dev/main.tf:3', 'envs/dev/main.tf:4'],
  );
  assert.ok(!JSON.stringify(findings).includes('AKIAABCDEFGHIJKLMNOP'));
});

test('tf-aws/provider-credentials: profiles, variables without defaults and other providers are silent', async () => {
  await expectLines(
    rule,
    {
      'main.tf': text('provider "aws" {', '  profile    = "prod"', '  access_key = var.key', '}', 'variable "key" {}', 'provider "google" {', '  access_token = "ya29.not-aws"', '}'),
    },
    [],
  );
});
