import type { Rule } from '../../core/types.js';

/** Rules of the `provision` domain. */
export const rules: Rule<any>[] = [];
