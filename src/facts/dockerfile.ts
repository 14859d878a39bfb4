/** Fact `dockerfile`: stages, instructions, commands and build context of a Dockerfile (collected by src/collect/dockerfile.ts). */
import type { EnvName } from '../contracts/types.js';
import type { ProvidesVars, CommandLine } from './common.js';

// ---------------------------------------------------------------------------------------------
// Fact shapes
// ---------------------------------------------------------------------------------------------
/** A 1-based position. */
export interface Loc {
  line: number;
  column: number;
}

/** An image reference (`FROM`, compose `image:`). */
export interface ImageRef extends Loc {
  /** As written. */
  raw: string;
  /** With the variables substituted that have a known value. */
  resolved: string;
  /** Repository without tag / digest (`python`, `ghcr.io/org/app`, `library/nginx`). */
  name: string;
  tag?: string;
  digest?: string;
  /** Some `$VAR` could not be resolved: tag / digest are unknown. */
  unresolved: boolean;
  /** `FROM scratch`. */
  scratch: boolean;
  /** The reference names an earlier build stage (not an image): its index. */
  stage?: number;
}

/** An ENV or ARG entry. */
export interface DockerKeyValue extends Loc {
  instruction: 'ENV' | 'ARG';
  key: string;
  /** The value as written (quotes removed); undefined for `ARG NAME` without a default. */
  value?: string;
  /** The value contains `$VAR` / `${VAR}` references. */
  hasReference: boolean;
  /** Variable names the value references. */
  references: string[];
  valueLine?: number;
  valueColumn?: number;
  /** Stage index (-1: an ARG before the first FROM). */
  stage: number;
}

export interface CopySource extends Loc {
  value: string;
  /** `http(s)://…` or a git URL. */
  remote: boolean;
}

/** A COPY or ADD instruction. */
export interface DockerCopy extends Loc {
  instruction: 'COPY' | 'ADD';
  sources: CopySource[];
  destination?: string;
  /** `--from=` value (a stage name / index or an image). */
  from?: string;
  /** Index of the stage `--from` names, when it names one. */
  fromStage?: number;
  chown?: string;
  chmod?: string;
  /** `ADD --checksum=`. */
  checksum?: string;
  /** The instruction writes a here-document, not files of the context. */
  heredoc: boolean;
  stage: number;
}

export interface ShellWord extends Loc {
  value: string;
}

/** One simple command of a shell script (`a && b | c` has three). */
export interface ShellCommand extends Loc {
  argv: string[];
  words: ShellWord[];
}

export interface DockerRun extends Loc {
  endLine: number;
  /** The command text (continuations joined). */
  text: string;
  form: 'exec' | 'shell';
  /** Flags such as `--mount=type=secret,id=x`, as `name=value`. */
  flags: string[];
  /** Simple commands, in order, with positions (here-document scripts included). */
  commands: ShellCommand[];
  stage: number;
}

/** CMD or ENTRYPOINT. */
export interface DockerExec extends Loc {
  instruction: 'CMD' | 'ENTRYPOINT';
  form: 'exec' | 'shell';
  /** Exec form: the array; shell form: the words of the command line. */
  argv: string[];
  text: string;
  /** Simple commands (shell form, or the script of an exec-form `sh -c "…"`). */
  commands: ShellCommand[];
  stage: number;
}

export interface DockerUser extends Loc {
  raw: string;
  user: string;
  group?: string;
  /** root by name or uid 0. */
  isRoot: boolean;
  /** A variable in it has no known value. */
  unresolved: boolean;
  stage: number;
}

export interface DockerHealthcheck extends Loc {
  /** `HEALTHCHECK NONE`. */
  none: boolean;
  /** The test command text (after `CMD`). */
  test?: string;
  stage: number;
}

export interface DockerExpose extends Loc {
  port: string;
  protocol?: string;
}

export interface DockerInstructionFact extends Loc {
  keyword: string;
  /** Argument text (continuations joined). */
  args: string;
  endLine: number;
  stage: number;
}

export interface StageEffective {
  /** The user the stage's processes run as (last USER of the stage or inherited through `FROM <stage>`); undefined: the base image's default. */
  user?: DockerUser;
  cmd?: DockerExec;
  entrypoint?: DockerExec;
  healthcheck?: DockerHealthcheck;
  /** ENV in force at the end of the stage (inherited ones first; a later key replaces an earlier). */
  env: DockerKeyValue[];
  workdir?: string;
  /** What the container runs: ENTRYPOINT + CMD as Docker combines them (undefined when neither is known). */
  argv?: string[];
  /** Simple commands of that command line (the shell script of a shell-form / `sh -c` command). */
  commands: ShellCommand[];
  /** Indices of the stages this one builds on, nearest first. */
  chain: number[];
}

export interface DockerStage extends Loc {
  index: number;
  /** `AS name`. */
  name?: string;
  image: ImageRef;
  platform?: string;
  endLine: number;
  /** The stage this one is built `FROM`, when it names a stage. */
  parent?: number;
  users: DockerUser[];
  env: DockerKeyValue[];
  args: DockerKeyValue[];
  copies: DockerCopy[];
  runs: DockerRun[];
  cmds: DockerExec[];
  entrypoints: DockerExec[];
  healthchecks: DockerHealthcheck[];
  expose: DockerExpose[];
  effective: StageEffective;
  /**
   * The stage's name says it is for development or tests (`dev`, `development`, `dev-envs` of Docker
   * Dev Environments, `debug`, `test`): never what a production build picks unless compose targets it.
   */
  development?: boolean;
}

export interface DockerignorePattern {
  pattern: string;
  negated: boolean;
  line: number;
}

/** A path a build context should not ship and whether the applicable .dockerignore excludes it. */
export interface ContextEntry {
  /** Path relative to the build context (`.env`, `.git`, `config/.env.production`). */
  path: string;
  /** Repository path when the file exists in the scanned tree. */
  repoPath?: string;
  what: 'env-file' | 'git' | 'venv' | 'node_modules' | 'private-key' | 'credentials';
  /** The file exists in the scanned tree (`.git`, `venv` and `.env` are assumed possible anyway). */
  present: boolean;
  excluded: boolean;
}

export interface BuildContext {
  /** Repository directory taken as the build context ('' for the root). */
  dir: string;
  /** The .dockerignore that applies, when there is one. */
  dockerignore?: { file: string; patterns: DockerignorePattern[]; };
  /** Sensitive paths of the context and whether they are excluded. */
  entries: ContextEntry[];
  /** The context holds a Python project (requirements.txt, pyproject.toml, *.py). */
  python: boolean;
  /** The context holds a Node project (package.json). */
  node: boolean;
  /**
   * Why honban thinks env files exist where this image is built, when it does: an env file or template
   * in the context, a `.gitignore` entry for `.env`, a dotenv library among the dependencies.
   */
  envEvidence?: string;
  /** The context is the scanned root (a checkout's top: `.git` is in it). */
  atRoot: boolean;
}

/** A local script the container command runs (`python app.py`) and what it does. */
export interface ScriptRef {
  /** As written in the command (`app.py`, `/app/main.py`). */
  arg: string;
  /** The repository file it most likely is. */
  file?: string;
  /** The script starts Flask's development server (`app.run(…)`), where. */
  flaskRun?: Loc & { debug: boolean; };
}

/** A package.json script a command runs: `npm run start-watch` → `nodemon src/index.js --inspect=0.0.0.0:9229`. */
export interface NpmScriptRef {
  name: string;
  /** The script's command line as written in package.json. */
  body: string;
  /** The package.json it comes from. */
  file: string;
  /** The script that runs this one (`"dev": "npm run watch"`); undefined for the one the service command runs. */
  from?: string;
  /** The simple commands of the body, split as a shell would (`a && b` → two). */
  commands: { argv: string[] }[];
}

export interface DockerfileFact extends ProvidesVars {
  file: string;
  environment: EnvName;
  stages: DockerStage[];
  /** Index of the stage `docker build` produces by default (the last). */
  final: number;
  /** ARGs before the first FROM. */
  globalArgs: DockerKeyValue[];
  instructions: DockerInstructionFact[];
  /** RUN of every stage, plus the final stage's effective CMD and ENTRYPOINT. */
  commands: CommandLine[];
  context: BuildContext;
  /** Local scripts run by a stage's command. */
  scripts: ScriptRef[];
  /** package.json scripts a stage's command runs (`npm start`), from the build context's package.json. */
  npmScripts?: NpmScriptRef[];
}

declare module '../contracts/types.js' {
  interface FactTypes {
    dockerfile: DockerfileFact;
  }
}
