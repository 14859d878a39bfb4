import type { Rule } from '../../contracts/types.js';
import hardcodedSecret from './hardcoded-secret.js';
import knownCredential from './known-credential.js';

/** Rules of the `secrets` domain (rule ids `secret/…`). */
export const rules: Rule<any>[] = [knownCredential, hardcodedSecret];
