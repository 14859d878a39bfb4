import type { Rule } from '../../core/types.js';

/** Rules of the `docker` domain. */
export const rules: Rule<any>[] = [];
