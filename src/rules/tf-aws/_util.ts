/** Helpers of the tf-aws rules: the Terraform judging helpers, and the rule declaration that sees AWS resources only. */
import type { FactName, Rule } from '../../contracts/types.js';
import { awsView } from '../../facts/terraform/findings.js';
import { defineTerraformRule } from '../define.js';

export * from '../../facts/terraform/values.js';
export * from '../../facts/terraform/findings.js';

/**
 * Declares a tf-aws rule: it sees only AWS resources (never azurerm / google ones), and a finding
 * about an example of a module (`examples/<name>/`, a demonstration, not a deployment) is reported
 * as such, at low severity at most (docs/decisions.md).
 */
export function defineAwsRule<N extends FactName>(rule: Rule<N>): Rule<N> {
  return defineTerraformRule(rule, awsView);
}
