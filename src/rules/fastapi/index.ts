import type { Rule } from '../../core/types.js';

/** Rules of the `fastapi` domain. */
export const rules: Rule<any>[] = [];
