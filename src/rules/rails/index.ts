import type { Rule } from '../../core/types.js';

/** Rules of the `rails` domain. */
export const rules: Rule<any>[] = [];
