import type { Rule } from '../../core/types.js';

/** Rules of the `secrets` domain. */
export const rules: Rule<any>[] = [];
