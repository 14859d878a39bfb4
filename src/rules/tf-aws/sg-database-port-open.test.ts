import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './sg-database-port-open.js';

test('tf-aws/sg-database-port-open: database and cache ports open to the internet', async () => {
  await expectLines(
    rule,
    {
      'sg.tf': text(
        'resource "aws_security_group_rule" "pg" {',
        '  type        = "ingress"',
        '  from_port   = 5432',
        '  to_port     = 5432',
        '  protocol    = "tcp"',
        '  cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]',
        '}',
        'resource "aws_vpc_security_group_ingress_rule" "redis" {',
        '  from_port   = 6300',
        '  to_port     = 6399',
        '  ip_protocol = "tcp"',
        '  cidr_ipv6   = "::/0"',
        '}',
        'resource "aws_security_group" "memcached" {',
        '  ingress {',
        '    from_port   = 11211',
        '    to_port     = 11211',
        '    protocol    = "udp"',
        '    cidr_blocks = ["0.0.0.0/0"]',
        '  }',
        '}',
      ),
    },
    ['sg.tf:6', 'sg.tf:12', 'sg.tf:19'],
  );
});

test('tf-aws/sg-database-port-open: from the app security group, UDP on TCP-only ports, and rules already reported as admin ports are silent', async () => {
  await expectLines(
    rule,
    {
      'sg.tf': text(
        'resource "aws_vpc_security_group_ingress_rule" "pg" {',
        '  from_port                    = 5432',
        '  to_port                      = 5432',
        '  ip_protocol                  = "tcp"',
        '  referenced_security_group_id = aws_security_group.app.id',
        '}',
        'resource "aws_security_group_rule" "udp" {',
        '  type        = "ingress"',
        '  from_port   = 5432',
        '  to_port     = 5432',
        '  protocol    = "udp"',
        '  cidr_blocks = ["0.0.0.0/0"]',
        '}',
        'resource "aws_security_group_rule" "all" {',
        '  type        = "ingress"',
        '  from_port   = 0',
        '  to_port     = 65535',
        '  protocol    = "tcp"',
        '  cidr_blocks = ["0.0.0.0/0"]',
        '}',
      ),
    },
    [],
  );
});
