import type { Rule } from '../../contracts/types.js';
import ignoreWithoutReason from './ignore-without-reason.js';

/** Rules about honban's own directives. */
export const rules: Rule<any>[] = [ignoreWithoutReason];
