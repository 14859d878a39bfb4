import type { Rule } from '../../contracts/types.js';
import allowedHostsEmpty from './allowed-hosts-empty.js';
import allowedHostsWildcard from './allowed-hosts-wildcard.js';
import debugEnabled from './debug-enabled.js';
import hardcodedDatabasePassword from './hardcoded-database-password.js';
import hardcodedSecretKey from './hardcoded-secret-key.js';
import hstsDisabled from './hsts-disabled.js';
import insecureCsrfCookie from './insecure-csrf-cookie.js';
import insecureSessionCookie from './insecure-session-cookie.js';
import missingSecurityMiddleware from './missing-security-middleware.js';
import runserverInProduction from './runserver-in-production.js';
import sslRedirectDisabled from './ssl-redirect-disabled.js';
import weakXFrameOptions from './weak-x-frame-options.js';

/** Rules of the `django` domain (the `check --deploy` family, judged per target environment). */
export const rules: Rule<any>[] = [
  debugEnabled,
  hardcodedSecretKey,
  allowedHostsWildcard,
  allowedHostsEmpty,
  insecureSessionCookie,
  insecureCsrfCookie,
  sslRedirectDisabled,
  hstsDisabled,
  weakXFrameOptions,
  missingSecurityMiddleware,
  hardcodedDatabasePassword,
  runserverInProduction,
];
