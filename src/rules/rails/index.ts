import type { Rule } from '../../contracts/types.js';
import detailedErrors from './detailed-errors.js';
import debugLogLevel from './debug-log-level.js';
import forceSslDisabled from './force-ssl-disabled.js';
import forgeryProtectionDisabled from './forgery-protection-disabled.js';
import hardcodedSecret from './hardcoded-secret.js';
import singleMemcachedEndpoint from './single-memcached-endpoint.js';
import sqliteDatabase from './sqlite-database.js';

/** Rules of the `rails` domain. */
export const rules: Rule<any>[] = [forceSslDisabled, detailedErrors, debugLogLevel, hardcodedSecret, forgeryProtectionDisabled, singleMemcachedEndpoint, sqliteDatabase];
