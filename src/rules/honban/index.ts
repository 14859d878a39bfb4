import type { Rule } from '../../contracts/types.js';
import ignoreWithoutReason from './ignore-without-reason.js';
import skippedTargetFile from './skipped-target-file.js';
import unknownRuleInIgnore from './unknown-rule-in-ignore.js';
import unusedIgnore from './unused-ignore.js';
import waiverExpiring from './waiver-expiring.js';

/** Rules about honban's own directives, configuration and what it could not read. */
export const rules: Rule<any>[] = [ignoreWithoutReason, skippedTargetFile, unknownRuleInIgnore, unusedIgnore, waiverExpiring];
