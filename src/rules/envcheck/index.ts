import type { Rule } from '../../core/types.js';

/** Rules of the `envcheck` domain. */
export const rules: Rule<any>[] = [];
