import type { Rule } from '../../contracts/types.js';
import debugEnabled from './debug-enabled.js';
import devServer from './dev-server.js';
import missingHealthcheck from './missing-healthcheck.js';
import remoteAdd from './remote-add.js';
import rootUser from './root-user.js';
import secretBuildArg from './secret-build-arg.js';
import secretFileCopied from './secret-file-copied.js';
import secretInEnv from './secret-in-env.js';
import shellFormCommand from './shell-form-command.js';
import sudoInRun from './sudo-in-run.js';
import unfilteredBuildContext from './unfiltered-build-context.js';
import unpinnedBaseImage from './unpinned-base-image.js';
import worldWritablePermissions from './world-writable-permissions.js';

/** Rules of the `docker` domain. */
export const rules: Rule<any>[] = [
  rootUser,
  secretInEnv,
  secretBuildArg,
  secretFileCopied,
  unfilteredBuildContext,
  devServer,
  debugEnabled,
  unpinnedBaseImage,
  worldWritablePermissions,
  remoteAdd,
  sudoInRun,
  shellFormCommand,
  missingHealthcheck,
];
