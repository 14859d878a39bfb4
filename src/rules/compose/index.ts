import type { Rule } from '../../contracts/types.js';
import dangerousCapability from './dangerous-capability.js';
import databasePortPublished from './database-port-published.js';
import debugEnabled from './debug-enabled.js';
import devServer from './dev-server.js';
import dockerSocketMount from './docker-socket-mount.js';
import exampleNotJudged from './example-not-judged.js';
import hostNamespace from './host-namespace.js';
import missingMemoryLimit from './missing-memory-limit.js';
import missingRestartPolicy from './missing-restart-policy.js';
import placeholderSecret from './placeholder-secret.js';
import privileged from './privileged.js';
import rootUser from './root-user.js';
import secretInEnvironment from './secret-in-environment.js';
import unpinnedImage from './unpinned-image.js';
import weakDatabasePassword from './weak-database-password.js';

/** Rules of the `compose` domain. */
export const rules: Rule<any>[] = [
  secretInEnvironment,
  placeholderSecret,
  weakDatabasePassword,
  debugEnabled,
  devServer,
  databasePortPublished,
  privileged,
  dockerSocketMount,
  hostNamespace,
  dangerousCapability,
  rootUser,
  unpinnedImage,
  missingRestartPolicy,
  missingMemoryLimit,
  exampleNotJudged,
];
