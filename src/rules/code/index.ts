import type { Rule } from '../../core/types.js';

/** Rules of the `code` domain. */
export const rules: Rule<any>[] = [];
