import type { Rule } from '../../core/types.js';

/** Rules of the `gunicorn` domain. */
export const rules: Rule<any>[] = [];
