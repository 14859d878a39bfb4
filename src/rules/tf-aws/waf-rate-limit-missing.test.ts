import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './waf-rate-limit-missing.js';

const ACL = (rules: string[]) => text('resource "aws_wafv2_web_acl" "a" {', '  scope = "REGIONAL"', ...rules, '}');

test('tf-aws/waf-rate-limit-missing: only managed rule groups, no rate-based statement', async () => {
  await expectLines(
    rule,
    { 'waf.tf': ACL(['  rule {', '    name = "common"', '    statement {', '      managed_rule_group_statement {', '        name        = "AWSManagedRulesCommonRuleSet"', '        vendor_name = "AWS"', '      }', '    }', '  }']) },
    ['waf.tf:1'],
  );
});

test('tf-aws/waf-rate-limit-missing: a rate-based rule, a referenced rule group with one, an unknown dynamic rule, or development are silent', async () => {
  await expectLines(rule, { 'waf.tf': ACL(['  rule {', '    statement {', '      rate_based_statement {', '        limit = 2000', '      }', '    }', '  }']) }, []);
  await expectLines(
    rule,
    {
      'waf.tf': ACL(['  rule {', '    statement {', '      rule_group_reference_statement {', '        arn = aws_wafv2_rule_group.rate.arn', '      }', '    }', '  }']),
      'group.tf': text('resource "aws_wafv2_rule_group" "rate" {', '  rule {', '    statement {', '      rate_based_statement {', '        limit = 500', '      }', '    }', '  }', '}'),
    },
    [],
  );
  await expectLines(rule, { 'waf.tf': ACL(['  dynamic "rule" {', '    for_each = var.rules', '    content {', '      name = rule.value.name', '    }', '  }']), 'v.tf': text('variable "rules" {}') }, []);
  await expectLines(rule, { 'waf.tf': ACL([]) }, [], { environment: 'development' });
});
