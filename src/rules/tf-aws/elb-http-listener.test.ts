import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './elb-http-listener.js';

test('tf-aws/elb-http-listener: an HTTP-only classic ELB (medium); HTTP beside HTTPS or internal (low)', async () => {
  const findings = await expectLines(
    rule,
    {
      'elb.tf': text(
        'resource "aws_elb" "web" {',
        '  listener {',
        '    instance_port     = 8000',
        '    instance_protocol = "http"',
        '    lb_port           = 80',
        '    lb_protocol       = "http"',
        '  }',
        '}',
        'resource "aws_elb" "both" {',
        '  listener {',
        '    instance_port     = 8000',
        '    instance_protocol = "http"',
        '    lb_port           = 80',
        '    lb_protocol       = "HTTP"',
        '  }',
        '  listener {',
        '    instance_port      = 8000',
        '    instance_protocol  = "http"',
        '    lb_port            = 443',
        '    lb_protocol        = "https"',
        '    ssl_certificate_id = aws_acm_certificate.c.arn',
        '  }',
        '}',
        'resource "aws_elb" "inside" {',
        '  internal = true',
        '  listener {',
        '    instance_port     = 8000',
        '    instance_protocol = "http"',
        '    lb_port           = 80',
        '    lb_protocol       = "http"',
        '  }',
        '}',
      ),
    },
    ['elb.tf:6', 'elb.tf:14', 'elb.tf:30'],
  );
  assert.deepEqual(findings.map((f) => f.severity), ['medium', 'low', 'low']);
  assert.match(findings[0]!.message, /HTTP-only/);
});

test('tf-aws/elb-http-listener: HTTPS / SSL / TCP listeners and application load balancers are silent', async () => {
  await expectLines(
    rule,
    {
      'elb.tf': text(
        'resource "aws_elb" "tls" {',
        '  listener {',
        '    instance_port      = 8000',
        '    instance_protocol  = "http"',
        '    lb_port            = 443',
        '    lb_protocol        = "https"',
        '    ssl_certificate_id = aws_acm_certificate.c.arn',
        '  }',
        '  listener {',
        '    instance_port     = 5432',
        '    instance_protocol = "tcp"',
        '    lb_port           = 5432',
        '    lb_protocol       = "tcp"',
        '  }',
        '}',
        'resource "aws_lb_listener" "alb" {',
        '  port     = 80',
        '  protocol = "HTTP"',
        '}',
      ),
    },
    [],
  );
});
