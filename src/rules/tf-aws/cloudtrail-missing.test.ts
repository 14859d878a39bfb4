import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './cloudtrail-missing.js';

test('tf-aws/cloudtrail-missing: one finding, at the first aws provider block', async () => {
  await expectLines(
    rule,
    {
      'a/main.tf': text('terraform {}', 'provider "aws" {', '  region = "ap-northeast-1"', '}', 'resource "aws_s3_bucket" "b" {', '}'),
      'b/main.tf': text('provider "aws" {', '}', 'resource "aws_vpc" "v" {', '}'),
    },
    ['a/main.tf:2'],
  );
  await expectLines(rule, { 'main.tf': text('resource "aws_s3_bucket" "b" {', '}') }, ['main.tf:1']);
});

test('tf-aws/cloudtrail-missing: a trail, a trail module, no AWS resources, or development are silent', async () => {
  await expectLines(rule, { 'main.tf': text('provider "aws" {}', 'resource "aws_s3_bucket" "b" {', '}', 'resource "aws_cloudtrail" "t" {', '  name = "t"', '}') }, []);
  await expectLines(rule, { 'main.tf': text('provider "aws" {}', 'resource "aws_s3_bucket" "b" {', '}', 'module "trail" {', '  source = "cloudposse/cloudtrail/aws"', '}') }, []);
  await expectLines(rule, { 'main.tf': text('provider "google" {}', 'resource "google_storage_bucket" "b" {', '}') }, []);
  await expectLines(rule, { 'main.tf': text('resource "aws_s3_bucket" "b" {', '}') }, [], { environment: 'development' });
});
