import type { Rule } from '../../contracts/types.js';
import committedEnvFile from './committed-env-file.js';
import devServer from './dev-server.js';
import missingHardening from './missing-hardening.js';
import missingRestart from './missing-restart.js';
import rootUser from './root-user.js';
import secretInEnvironment from './secret-in-environment.js';

/** Rules of the `systemd` domain. */
export const rules: Rule<any>[] = [rootUser, secretInEnvironment, devServer, missingRestart, missingHardening, committedEnvFile];
