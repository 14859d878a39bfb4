import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './vpc-flow-log-missing.js';

test('tf-aws/vpc-flow-log-missing: a VPC no flow log refers to; the VPC registry module without enable_flow_log', async () => {
  await expectLines(
    rule,
    {
      'network.tf': text(
        'resource "aws_vpc" "main" {',
        '  cidr_block = "10.0.0.0/16"',
        '}',
        'resource "aws_vpc" "logged" {',
        '  cidr_block = "10.1.0.0/16"',
        '}',
        'resource "aws_flow_log" "logged" {',
        '  vpc_id       = aws_vpc.logged.id',
        '  traffic_type = "ALL"',
        '}',
        'module "vpc" {',
        '  source  = "terraform-aws-modules/vpc/aws"',
        '  version = "~> 5.0"',
        '}',
      ),
    },
    ['network.tf:1', 'network.tf:11'],
  );
});

test('tf-aws/vpc-flow-log-missing: flow logs through a module output or local module, an untraceable flow log, and development are silent', async () => {
  await expectLines(
    rule,
    {
      'modules/net/main.tf': text('resource "aws_vpc" "this" {', '  cidr_block = "10.0.0.0/16"', '}', 'output "vpc_id" {', '  value = aws_vpc.this.id', '}'),
      'live/main.tf': text('module "net" {', '  source = "../modules/net"', '}', 'resource "aws_flow_log" "f" {', '  vpc_id = module.net.vpc_id', '}'),
    },
    [],
  );
  await expectLines(rule, { 'a.tf': text('resource "aws_vpc" "a" {', '}', 'resource "aws_flow_log" "f" {', '  vpc_id = var.vpc_id', '}', 'variable "vpc_id" {}') }, []);
  await expectLines(rule, { 'envs/dev/a.tf': text('resource "aws_vpc" "a" {', '}') }, []);
});
