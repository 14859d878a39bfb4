/** Fact `compose`: services of a docker compose file with positions (collected by src/collect/compose.ts). */
import type { Loc, ShellCommand, ImageRef, ScriptRef, NpmScriptRef } from './dockerfile.js';

export type { NpmScriptRef } from './dockerfile.js';
import type { EnvName } from '../contracts/types.js';
import type { ProvidesVars, CommandLine } from './common.js';

export interface Located<T> extends Loc {
  value: T;
}

/** A `${VAR}` / `${VAR:-default}` / `${VAR:?err}` reference that makes up a whole value. */
export interface ComposeReference {
  name: string;
  /** The fallback used when the variable is unset (or empty, for `:-`). */
  default?: string;
  /** `${VAR:?message}` / `${VAR?message}`: compose refuses to start without it. */
  required: boolean;
}

export interface ComposeEnvVar extends Loc {
  key: string;
  /** The value as written (scalars as text); undefined when passed through from the shell (`- KEY`, `KEY:`). */
  value?: string;
  /** The value contains `${VAR}` / `$VAR` interpolation: not a literal. */
  interpolated: boolean;
  /** Set when the whole value is one reference. */
  reference?: ComposeReference;
  valueLine: number;
  valueColumn: number;
  form: 'map' | 'list';
}

export interface ComposeEnvFile extends Loc {
  /** As written. */
  path: string;
  /** Repository path (relative to the compose file's directory). */
  resolved: string;
  required: boolean;
  /** The file is among the scanned files. */
  found: boolean;
}

export interface ComposePort extends Loc {
  raw: string;
  form: 'short' | 'long';
  /** Host interface (`127.0.0.1`, `::1`, `0.0.0.0`); undefined: all interfaces. */
  hostIp?: string;
  /** Host port or range as written (interpolation resolved to its default where there is one). */
  published?: string;
  /** Container port or range. */
  target: string;
  /** Numeric container port range, when it parses. */
  targetRange?: [number, number];
  protocol?: string;
}

export interface ComposeVolume extends Loc {
  raw?: string;
  type: string;
  source?: string;
  target?: string;
  readOnly: boolean;
  form: 'short' | 'long';
}

export interface ComposeCommand extends Loc {
  kind: 'command' | 'entrypoint';
  form: 'string' | 'list';
  argv: string[];
  text: string;
  /** Simple commands (the script of a `sh -c "…"`, else the argv itself). */
  commands: ShellCommand[];
}

export interface ComposeBuild extends Loc {
  /** Context as written ('.' by default). */
  context: string;
  dockerfile?: string;
  target?: string;
  /** Repository path of the context directory ('' for the root). */
  contextPath: string;
  /** Repository path of the Dockerfile it builds. */
  dockerfilePath: string;
}

export interface ComposeService extends Loc {
  name: string;
  image?: ImageRef;
  build?: ComposeBuild;
  environment: ComposeEnvVar[];
  envFiles: ComposeEnvFile[];
  ports: ComposePort[];
  expose: Located<string>[];
  secrets: (Loc & { source: string; target?: string; })[];
  /** Memory limit: `deploy.resources.limits.memory` or legacy `mem_limit`. */
  memLimit?: Located<string> & { via: 'deploy' | 'mem_limit'; };
  cpuLimit?: Located<string> & { via: 'deploy' | 'cpus'; };
  /** `restart:` or `deploy.restart_policy.condition`. */
  restart?: Located<string> & { via: 'restart' | 'deploy'; };
  privileged?: Located<boolean>;
  readOnly?: Located<boolean>;
  user?: Located<string>;
  workingDir?: string;
  volumes: ComposeVolume[];
  networkMode?: Located<string>;
  pid?: Located<string>;
  ipc?: Located<string>;
  capAdd: Located<string>[];
  securityOpt: Located<string>[];
  healthcheck?: Loc & { disabled: boolean; test?: string; };
  command?: ComposeCommand;
  entrypoint?: ComposeCommand;
  profiles: string[];
  /** Local scripts its command runs (`python app.py`). */
  scripts: ScriptRef[];
  /** package.json scripts its command runs (`npm run start-watch`), from the build context's package.json. */
  npmScripts?: NpmScriptRef[];
}

export interface ComposeFact extends ProvidesVars {
  file: string;
  environment: EnvName;
  services: ComposeService[];
  /** Top-level `secrets:`. */
  secrets: (Loc & { name: string; file?: string; environment?: string; external: boolean; })[];
  commands: CommandLine[];
}

declare module '../contracts/types.js' {
  interface FactTypes {
    compose: ComposeFact;
  }
}
