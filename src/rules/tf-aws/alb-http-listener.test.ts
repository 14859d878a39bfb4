import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './alb-http-listener.js';

test('tf-aws/alb-http-listener: HTTP listeners that forward (explicit protocol, or port 80 on an ALB without protocol); internal ones are low', async () => {
  const findings = await expectLines(
    rule,
    {
      'lb.tf': text(
        'resource "aws_lb" "app" {',
        '  name = "app"',
        '}',
        'resource "aws_lb_listener" "http" {',
        '  load_balancer_arn = aws_lb.app.arn',
        '  port              = 80',
        '  protocol          = "HTTP"',
        '  default_action {',
        '    type             = "forward"',
        '    target_group_arn = aws_lb_target_group.app.arn',
        '  }',
        '}',
        'resource "aws_alb_listener" "implicit" {',
        '  load_balancer_arn = aws_lb.app.arn',
        '  port              = 80',
        '  default_action {',
        '    type = "forward"',
        '  }',
        '}',
        'resource "aws_lb" "internal" {',
        '  internal = true',
        '}',
        'resource "aws_lb_listener" "internal" {',
        '  load_balancer_arn = aws_lb.internal.arn',
        '  port              = 8080',
        '  protocol          = "HTTP"',
        '  default_action {',
        '    type = "forward"',
        '  }',
        '}',
      ),
    },
    ['lb.tf:7', 'lb.tf:15', 'lb.tf:26'],
  );
  assert.deepEqual(findings.map((f) => f.severity), ['medium', 'medium', 'low']);
});

test('tf-aws/alb-http-listener: redirect to HTTPS, fixed responses, HTTPS and NLB TCP listeners are silent', async () => {
  await expectLines(
    rule,
    {
      'lb.tf': text(
        'resource "aws_lb" "nlb" {',
        '  load_balancer_type = "network"',
        '}',
        'resource "aws_lb_listener" "redirect" {',
        '  port     = 80',
        '  protocol = "HTTP"',
        '  default_action {',
        '    type = "redirect"',
        '    redirect {',
        '      protocol    = "HTTPS"',
        '      port        = "443"',
        '      status_code = "HTTP_301"',
        '    }',
        '  }',
        '}',
        'resource "aws_lb_listener" "fixed" {',
        '  port     = 8080',
        '  protocol = "HTTP"',
        '  default_action {',
        '    type = "fixed-response"',
        '  }',
        '}',
        'resource "aws_lb_listener" "tcp" {',
        '  load_balancer_arn = aws_lb.nlb.arn',
        '  port              = 80',
        '  default_action {',
        '    type = "forward"',
        '  }',
        '}',
      ),
    },
    [],
  );
});
