/**
 * Facts `deployCommand` and `gunicornDeployment` (derived by src/derive/deploy-commands.ts and
 * src/derive/gunicorn-deployments.ts): which command runs which program in which environment —
 * Procfile lines, the final Dockerfile stage's CMD / ENTRYPOINT, compose commands, systemd
 * ExecStart — and for gunicorn, the configuration file each command loads with the settings it
 * ends up with. Computed once, before rules; rules read them typed.
 */
import type { EnvName } from '../contracts/types.js';
import type { CommandLine } from './common.js';
import { invocations, type Invocation } from './commands.js';
import type { PythonFact } from './python/types.js';

/** A command line that runs in the deployment (never a Dockerfile RUN: that runs at build time). */
export interface DeployCommandFact extends CommandLine {
  /** The environment of the file that holds it. */
  environment: EnvName;
  /** The Python server invocations in it (gunicorn, uvicorn, flask run, python app.py …). */
  invocations: Invocation[];
}

export type GunicornSettingName = 'workers' | 'threads' | 'reload' | 'loglevel' | 'timeout' | 'max_requests' | 'worker_class';

export interface GunicornSetting {
  /** Resolved value; undefined when set but unknown (`$WEB_CONCURRENCY`, a computed expression). */
  value: string | number | boolean | null | undefined;
  /** Comes from an environment variable's fallback. */
  envNames?: string[];
  file: string;
  line: number;
  column: number;
  /** Where it was set: `command` or `config`. */
  from: 'command' | 'config';
}

/**
 * A gunicorn deployment as the target runs it: a gunicorn command line with the configuration file
 * it loads (`-c`, or ./gunicorn.conf.py by default), command-line options overriding the file; or a
 * configuration file no command references. Settings are those the target environment sees.
 */
export interface GunicornDeploymentFact {
  /** Where a finding about a missing setting points (the command line, or the configuration file). */
  file: string;
  line: number;
  column: number;
  environment: EnvName;
  command?: CommandLine;
  config?: PythonFact;
  settings: Partial<Record<GunicornSettingName, GunicornSetting>>;
  /** Settings that may come from outside what honban sees (GUNICORN_CMD_ARGS, WEB_CONCURRENCY, Heroku, a config that did not parse). */
  external: GunicornSettingName[];
}

/** Sources of deployment command lines: facts with a `commands: CommandLine[]` list. */
export const DEPLOY_SOURCES = ['procfile', 'dockerfile', 'compose', 'systemd'] as const;

/** Deployment command lines of the facts that carry them (RUN lines excluded), with their invocations. */
export function deployCommandsOf(facts: Partial<Record<(typeof DEPLOY_SOURCES)[number], readonly { environment: EnvName; commands: readonly CommandLine[] }[]>>): DeployCommandFact[] {
  const out: DeployCommandFact[] = [];
  for (const name of DEPLOY_SOURCES) {
    for (const f of facts[name] ?? []) {
      for (const c of f.commands) {
        if (c.source === 'dockerfile-run') continue;
        // Invocations point at the collected command line (no cycle through this fact).
        out.push({ ...c, environment: f.environment, invocations: invocations(c) });
      }
    }
  }
  return out;
}

declare module '../contracts/types.js' {
  interface FactTypes {
    deployCommand: DeployCommandFact;
    gunicornDeployment: GunicornDeploymentFact;
  }
}
