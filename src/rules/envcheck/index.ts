import type { Rule } from '../../contracts/types.js';
import adminUserList from './admin-user-list.js';
import commandSubstitution from './command-substitution.js';
import dangerousSwitchOn from './dangerous-switch-on.js';
import debugModeOn from './debug-mode-on.js';
import forbiddenValue from './forbidden-value.js';
import inMemoryRateLimitStorage from './in-memory-rate-limit-storage.js';
import insecureCorsOrigin from './insecure-cors-origin.js';
import invalidValue from './invalid-value.js';
import longSessionTimeout from './long-session-timeout.js';
import missingRecommended from './missing-recommended.js';
import missingRequired from './missing-required.js';
import missingTemplateVariable from './missing-template-variable.js';
import nonProductionMode from './non-production-mode.js';
import readableEnvFile from './readable-env-file.js';
import resolvedPlaceholder from './resolved-placeholder.js';
import secretSharedAcrossEnvironments from './secret-shared-across-environments.js';
import securitySwitchOff from './security-switch-off.js';
import sqliteDatabaseUrl from './sqlite-database-url.js';
import unreadableSecretFile from './unreadable-secret-file.js';
import unresolvedReference from './unresolved-reference.js';
import verboseLogLevel from './verbose-log-level.js';
import weakSecretValue from './weak-secret-value.js';
import wildcardAllowedHosts from './wildcard-allowed-hosts.js';

/**
 * Rules of `honban env` (command: 'env'): they judge the resolved variables of the target
 * environment (env files + Docker secrets + process environment) against honban.yml's schema and
 * honban's built-in catalog. Ids share the `env/` prefix with the .env-file scan rules in ../env/.
 */
export const rules: Rule<any>[] = [
  missingRequired,
  missingRecommended,
  invalidValue,
  forbiddenValue,
  weakSecretValue,
  secretSharedAcrossEnvironments,
  readableEnvFile,
  unresolvedReference,
  commandSubstitution,
  unreadableSecretFile,
  debugModeOn,
  nonProductionMode,
  dangerousSwitchOn,
  securitySwitchOff,
  sqliteDatabaseUrl,
  inMemoryRateLimitStorage,
  insecureCorsOrigin,
  wildcardAllowedHosts,
  verboseLogLevel,
  longSessionTimeout,
  missingTemplateVariable,
  resolvedPlaceholder,
  adminUserList,
];
