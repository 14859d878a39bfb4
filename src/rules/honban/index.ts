import type { Rule } from '../../core/types.js';
import ignoreWithoutReason from './ignore-without-reason.js';
import unknownRuleInIgnore from './unknown-rule-in-ignore.js';
import unusedIgnore from './unused-ignore.js';
import waiverExpiring from './waiver-expiring.js';

/** Rules about honban's own directives and configuration. */
export const rules: Rule<any>[] = [ignoreWithoutReason, unknownRuleInIgnore, unusedIgnore, waiverExpiring];
