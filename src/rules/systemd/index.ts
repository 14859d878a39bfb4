import type { Rule } from '../../core/types.js';

/** Rules of the `systemd` domain. */
export const rules: Rule<any>[] = [];
