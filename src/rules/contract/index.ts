import type { Rule } from '../../core/types.js';

/** Rules of the `contract` domain. */
export const rules: Rule<any>[] = [];
