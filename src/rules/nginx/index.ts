import type { Rule } from '../../core/types.js';

/** Rules of the `nginx` domain. */
export const rules: Rule<any>[] = [];
