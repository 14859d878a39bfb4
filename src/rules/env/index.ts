import type { Rule } from '../../core/types.js';

/** Rules of the `env` domain. */
export const rules: Rule<any>[] = [];
