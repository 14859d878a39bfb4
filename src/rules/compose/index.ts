import type { Rule } from '../../core/types.js';

/** Rules of the `compose` domain. */
export const rules: Rule<any>[] = [];
