import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule, { isOldElbPolicy } from './alb-old-tls-policy.js';

test('tf-aws/alb-old-tls-policy: old policies (medium) and HTTPS without ssl_policy (low)', async () => {
  const findings = await expectLines(
    rule,
    {
      'lb.tf': text(
        'resource "aws_lb_listener" "a" {',
        '  protocol   = "HTTPS"',
        '  ssl_policy = "ELBSecurityPolicy-2016-08"',
        '}',
        'resource "aws_lb_listener" "b" {',
        '  protocol   = "TLS"',
        '  ssl_policy = "ELBSecurityPolicy-TLS-1-1-2017-01"',
        '}',
        'resource "aws_lb_listener" "c" {',
        '  port     = 443',
        '  protocol = "HTTPS"',
        '}',
      ),
    },
    ['lb.tf:3', 'lb.tf:7', 'lb.tf:11'],
  );
  assert.deepEqual(findings.map((f) => f.severity), ['medium', 'medium', 'low']);
});

test('tf-aws/alb-old-tls-policy: TLS 1.2+ policies and HTTP listeners are silent', async () => {
  await expectLines(rule, { 'lb.tf': text('resource "aws_lb_listener" "a" {', '  protocol   = "HTTPS"', '  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"', '}', 'resource "aws_lb_listener" "b" {', '  protocol = "HTTP"', '}') }, []);
  assert.equal(isOldElbPolicy('ELBSecurityPolicy-FS-1-2-Res-2020-10'), false);
  assert.equal(isOldElbPolicy('ELBSecurityPolicy-TLS13-1-0-2021-06'), true);
});
