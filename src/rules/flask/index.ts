import type { Rule } from '../../core/types.js';

/** Rules of the `flask` domain. */
export const rules: Rule<any>[] = [];
