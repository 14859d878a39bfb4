/** Helpers of the provider-neutral Terraform rules: the rule declaration that sees what no provider domain judges. */
import type { FactName, Rule } from '../../contracts/types.js';
import { otherProvidersView } from '../../facts/terraform/findings.js';
import { defineTerraformRule } from '../define.js';

/** Declares a provider-neutral Terraform rule judging what tf-aws rules do not see (otherProvidersView). */
export function defineOtherProvidersRule<N extends FactName>(rule: Rule<N>): Rule<N> {
  return defineTerraformRule(rule, otherProvidersView);
}
