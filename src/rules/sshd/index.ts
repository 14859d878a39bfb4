import type { Rule } from '../../core/types.js';

/** Rules of the `sshd` domain. */
export const rules: Rule<any>[] = [];
