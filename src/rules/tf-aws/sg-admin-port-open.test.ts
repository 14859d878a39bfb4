import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './sg-admin-port-open.js';

test('tf-aws/sg-admin-port-open: SSH / RDP from the internet in inline blocks, rule resources, ranges and all-traffic rules', async () => {
  await expectLines(
    rule,
    {
      'sg.tf': text(
        'resource "aws_security_group" "bastion" {',
        '  ingress {',
        '    from_port   = 22',
        '    to_port     = 22',
        '    protocol    = "tcp"',
        '    cidr_blocks = ["0.0.0.0/0"]',
        '  }',
        '}',
        'resource "aws_security_group_rule" "rdp" {',
        '  type             = "ingress"',
        '  from_port        = 3000',
        '  to_port          = 4000',
        '  protocol         = "tcp"',
        '  ipv6_cidr_blocks = ["::/0"]',
        '}',
        'resource "aws_vpc_security_group_ingress_rule" "all" {',
        '  ip_protocol = "-1"',
        '  cidr_ipv4   = "0.0.0.0/0"',
        '}',
        'resource "aws_security_group" "dyn" {',
        '  dynamic "ingress" {',
        '    for_each = var.ports',
        '    content {',
        '      from_port   = ingress.value',
        '      to_port     = ingress.value',
        '      protocol    = "tcp"',
        '      cidr_blocks = ["0.0.0.0/0"]',
        '    }',
        '  }',
        '}',
        'variable "ports" {',
        '  default = [443, 22]',
        '}',
      ),
    },
    ['sg.tf:6', 'sg.tf:14', 'sg.tf:18', 'sg.tf:27'],
  );
});

test('tf-aws/sg-admin-port-open: restricted sources, web ports, egress, unknown CIDRs and dev environments are silent', async () => {
  const sg = text(
    'resource "aws_security_group" "a" {',
    '  ingress {',
    '    from_port   = 22',
    '    to_port     = 22',
    '    protocol    = "tcp"',
    '    cidr_blocks = ["203.0.113.0/24"]',
    '  }',
    '  ingress {',
    '    from_port   = 443',
    '    to_port     = 443',
    '    protocol    = "tcp"',
    '    cidr_blocks = ["0.0.0.0/0"]',
    '  }',
    '  egress {',
    '    from_port   = 0',
    '    to_port     = 0',
    '    protocol    = "-1"',
    '    cidr_blocks = ["0.0.0.0/0"]',
    '  }',
    '  ingress {',
    '    from_port   = 22',
    '    to_port     = 22',
    '    protocol    = "tcp"',
    '    cidr_blocks = var.admin',
    '  }',
    '}',
    'variable "admin" {}',
  );
  await expectLines(rule, { 'sg.tf': sg }, []);
  await expectLines(rule, { 'envs/development/sg.tf': text('resource "aws_security_group_rule" "x" {', '  type        = "ingress"', '  from_port   = 22', '  to_port     = 22', '  protocol    = "tcp"', '  cidr_blocks = ["0.0.0.0/0"]', '}') }, []);
});

test('tf-aws/sg-admin-port-open: VNC, the Docker API and kubelet; any /0 range counts as the internet', async () => {
  await expectLines(
    rule,
    {
      'sg.tf': text(
        'resource "aws_security_group" "desk" {',
        '  ingress {',
        '    from_port   = 5900',
        '    to_port     = 5900',
        '    protocol    = "tcp"',
        '    cidr_blocks = ["/0"]',
        '  }',
        '  ingress {',
        '    from_port   = 2375',
        '    to_port     = 2376',
        '    protocol    = "tcp"',
        '    cidr_blocks = ["10.0.0.0/0"]',
        '  }',
        '}',
        'resource "aws_security_group_rule" "kubelet" {',
        '  type             = "ingress"',
        '  from_port        = 10250',
        '  to_port          = 10250',
        '  protocol         = "6"',
        '  ipv6_cidr_blocks = ["::/0"]',
        '}',
      ),
    },
    ['sg.tf:6', 'sg.tf:12', 'sg.tf:20'],
  );
});
