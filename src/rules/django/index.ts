import type { Rule } from '../../core/types.js';

/** Rules of the `django` domain. */
export const rules: Rule<any>[] = [];
