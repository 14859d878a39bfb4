import type { Rule } from '../../core/types.js';

/** Rules of the `tf-aws` domain. */
export const rules: Rule<any>[] = [];
