import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './sg-service-port-open.js';

test('tf-aws/sg-service-port-open: a range 80-443 opens everything between (rpcbind, NetBIOS, LDAP …)', async () => {
  const findings = await expectLines(rule, { 'sg.tf': text('resource "aws_security_group" "web" {', '  ingress {', '    from_port   = 80', '    to_port     = 443', '    protocol    = "tcp"', '    cidr_blocks = ["0.0.0.0/0"]', '  }', '}') }, ['sg.tf:6']);
  assert.match(findings[0]!.message, /TCP 80-443 is open to 0.0.0.0\/0, including POP3 110, rpcbind 111, MSRPC 135, NetBIOS session 139 \(\+2\)/);
});

test('tf-aws/sg-service-port-open: SMB, NetBIOS / SNMP over UDP, LDAP, Kibana open to any /0 range', async () => {
  const findings = await expectLines(
    rule,
    {
      'sg.tf': text(
        'resource "aws_security_group" "files" {',
        '  ingress {',
        '    from_port   = 445',
        '    to_port     = 445',
        '    protocol    = "tcp"',
        '    cidr_blocks = ["/0"]',
        '  }',
        '  ingress {',
        '    from_port        = 135',
        '    to_port          = 170',
        '    protocol         = "udp"',
        '    ipv6_cidr_blocks = ["::/0"]',
        '  }',
        '}',
        'resource "aws_security_group_rule" "ldap" {',
        '  type        = "ingress"',
        '  from_port   = 389',
        '  to_port     = 389',
        '  protocol    = "tcp"',
        '  cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]',
        '}',
        'resource "aws_vpc_security_group_ingress_rule" "kibana" {',
        '  from_port   = 5601',
        '  to_port     = 5601',
        '  ip_protocol = "tcp"',
        '  cidr_ipv4   = "0.0.0.0/0"',
        '}',
      ),
    },
    ['sg.tf:6', 'sg.tf:12', 'sg.tf:20', 'sg.tf:26'],
  );
  assert.match(findings[1]!.message, /UDP 135-170 is open to ::\/0, including MSRPC 135, NetBIOS name 137, NetBIOS datagram 138, SNMP 161 \(\+1\)/);
});

test('tf-aws/sg-service-port-open: web ports, TCP-only services over UDP, private ranges, and ports another rule reports are silent', async () => {
  await expectLines(
    rule,
    {
      'sg.tf': text(
        'resource "aws_security_group" "web" {',
        '  ingress {',
        '    from_port   = 80',
        '    to_port     = 80',
        '    protocol    = "tcp"',
        '    cidr_blocks = ["0.0.0.0/0"]',
        '  }',
        '  ingress {',
        '    from_port   = 443',
        '    to_port     = 443',
        '    protocol    = "tcp"',
        '    cidr_blocks = ["0.0.0.0/0"]',
        '  }',
        '  ingress {',
        '    from_port   = 2383',
        '    to_port     = 2383',
        '    protocol    = "udp"',
        '    cidr_blocks = ["0.0.0.0/0"]',
        '  }',
        '  ingress {',
        '    from_port   = 445',
        '    to_port     = 445',
        '    protocol    = "tcp"',
        '    cidr_blocks = ["10.0.0.0/8"]',
        '  }',
        '  ingress {',
        '    from_port   = 0',
        '    to_port     = 0',
        '    protocol    = "-1"',
        '    cidr_blocks = ["0.0.0.0/0"]',
        '  }',
        '}',
      ),
    },
    [],
  );
});
