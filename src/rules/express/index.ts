import type { Rule } from '../../contracts/types.js';
import errorDetailsExposed from './error-details-exposed.js';
import hardcodedSessionSecret from './hardcoded-session-secret.js';
import insecureCookie from './insecure-cookie.js';
import missingSecurityHeaders from './missing-security-headers.js';
import permissiveCors from './permissive-cors.js';
import sessionMemoryStore from './session-memory-store.js';
import trustProxyMissing from './trust-proxy-missing.js';

/** Rules of the `express` domain. */
export const rules: Rule<any>[] = [missingSecurityHeaders, permissiveCors, hardcodedSessionSecret, insecureCookie, errorDetailsExposed, trustProxyMissing, sessionMemoryStore];
