/**
 * Deriver `deployCommand`: the command lines the deployment runs (Procfile, the final Dockerfile
 * stage's CMD / ENTRYPOINT, compose command / entrypoint, systemd ExecStart) with the Python server
 * invocations in each, computed once for every rule that asks which command runs which file.
 */
import type { Deriver } from '../contracts/collector.js';
import { DEPLOY_SOURCES, deployCommandsOf } from '../facts/deployments.js';

const deriver: Deriver<'deployCommand'> = {
  fact: 'deployCommand',
  needs: DEPLOY_SOURCES,
  derive(facts) {
    return deployCommandsOf(facts);
  },
};

export default deriver;
