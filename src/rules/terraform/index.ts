import type { Rule } from '../../contracts/types.js';
import hardcodedSecret from './hardcoded-secret.js';

/** Provider-neutral Terraform rules: what the provider domains (tf-aws) do not judge. */
export const rules: Rule<any>[] = [hardcodedSecret];
