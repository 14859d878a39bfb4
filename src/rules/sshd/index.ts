import type { Rule } from '../../contracts/types.js';
import emptyPasswords from './empty-passwords.js';
import passwordAuthentication from './password-authentication.js';
import pubkeyAuthenticationDisabled from './pubkey-authentication-disabled.js';
import rootLogin from './root-login.js';

/** Rules of the `sshd` domain. */
export const rules: Rule<any>[] = [passwordAuthentication, rootLogin, emptyPasswords, pubkeyAuthenticationDisabled];
