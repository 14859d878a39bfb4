import type { Rule } from '../../core/types.js';

/** Rules of the `express` domain. */
export const rules: Rule<any>[] = [];
