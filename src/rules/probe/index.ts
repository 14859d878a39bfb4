import type { Rule } from '../../core/types.js';

/** Rules of the `probe` domain. */
export const rules: Rule<any>[] = [];
