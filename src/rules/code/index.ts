import type { Rule } from '../../contracts/types.js';
import hardcodedSecret from './hardcoded-secret.js';

/** Rules of the `code` domain (application source, every language). */
export const rules: Rule<any>[] = [hardcodedSecret];
