/**
 * Facts of `honban env`: the resolved variables of one target environment, the schema each is
 * checked against, and the files that made it up. Rules with `command: 'env'` (src/rules/env/)
 * judge them; nothing here judges.
 */
import type { EffectiveSpec } from '../contracts/config.js';
import type { EnvName } from '../contracts/types.js';

/** Where a definition came from, in precedence order (later wins). */
export type SourceKind = 'file' | 'secrets-dir' | 'secret-file' | 'process-env';

/** One definition of a key in one source. */
export interface Definition {
  key: string;
  source: SourceKind;
  /** Relative path for repository files, `process.env`, or the secret file's path. */
  file: string;
  line?: number;
  column?: number;
  /** Position of the value (files only). */
  valueLine?: number;
  valueColumn?: number;
  /** The text as written (before interpolation). */
  raw: string;
  /** Quote character of the value in an env file, if any. */
  quote?: string;
  /** For a `X_FILE` pointer: the pointer variable (e.g. `DB_PASSWORD_FILE`). */
  via?: string;
}

/** A `${VAR}` / `$VAR` reference that could not be resolved. */
export interface UnresolvedRef {
  /** The referenced name. */
  name: string;
  /** `${VAR:?message}` form: the author asked for an error when unset. */
  required: boolean;
  /** A reference to the variable itself (`SECRET_KEY=${SECRET_KEY}`): meant to come from outside. */
  self: boolean;
  /** Expansion stopped at a limit (reported as an error entry, not as a missing variable). */
  limit?: 'chain' | 'nesting' | 'size' | 'total';
}

/**
 * One variable as the application sees it, whoever made the fact: `honban env` resolves the target
 * environment (the winning definition of every layer, interpolated), `honban scan` derives one per
 * effective assignment of a repository's env files (src/derive/env-vars.ts: not interpolated,
 * references listed as unresolved). The env rules judge this one shape in both commands.
 */
export interface EnvVarFact {
  file: string;
  environment: EnvName;
  key: string;
  line?: number;
  column?: number;
  /** Position of the value as written (files only). */
  valueLine?: number;
  valueColumn?: number;
  /** Quote character of the value in an env file, if any. */
  quote?: string;
  source: SourceKind;
  /** The value the application sees (interpolated). */
  value: string;
  /** As written. */
  raw: string;
  /** Judged secret: schema `secret`, the catalog, a secret-like name, or delivered as a secret. */
  secret: boolean;
  /** The spec it is checked against (schema, or the built-in catalog). */
  spec?: EffectiveSpec;
  /** Definitions it shadowed, lowest precedence first. */
  shadowed: Definition[];
  /** References that did not resolve. */
  unresolved: UnresolvedRef[];
  /** `$(…)` / backtick command substitutions found in the text (never executed). */
  commandSubstitutions: number;
  /** Other environments whose value of this (secret) key is identical. */
  sharedWith: { environment: EnvName; file: string; line?: number; /** The other environment resolves it from the very same definition (a shared `.env`). */ inherited: boolean }[];
  /** For a variable resolved through `X_FILE`: the pointer variable. */
  via?: string;
  /** Who loads the file, when not whatever loads `.env` (DotenvFile.loader: `flask-cli` for `.flaskenv`). */
  loader?: 'flask-cli';
}

/** A variable the schema (or catalog) expects in the target environment. */
export interface EnvSpecFact {
  file: string;
  environment: EnvName;
  key: string;
  line?: number;
  column?: number;
  spec: EffectiveSpec;
  /** Set (not empty) in the target environment. */
  present: boolean;
  /** Defined but empty. */
  empty: boolean;
  /** Defined only through references that did not resolve. */
  unresolved: boolean;
  /** The sources that were looked in (env files, secrets directory, process.env). */
  sources: string[];
}

/** An env file of the target environment. */
export interface EnvFileFact {
  file: string;
  environment: EnvName;
  /** Permission bits (undefined for in-memory files or on Windows). */
  mode?: number;
  /** Keys defined in the file. */
  keys: string[];
  /** How many secret values it holds. */
  secretCount: number;
}

/** A `X_FILE` pointer or secrets-dir entry that could not be read. */
export interface EnvSecretFileFact {
  file: string;
  environment: EnvName;
  line?: number;
  column?: number;
  /** The variable the file should provide. */
  key: string;
  /** The pointer variable (`DB_PASSWORD_FILE`). */
  pointer: string;
  /** The path it points at. */
  path: string;
  reason: string;
}

/** A key documented in a template (`.env.example`) but not set in the target environment. */
export interface EnvTemplateKeyFact {
  file: string;
  environment: EnvName;
  key: string;
  line: number;
  column: number;
  /** The key is set (non-empty) in the target. */
  present: boolean;
  /** honban.yml declares variables (then the schema, not the template, is the contract). */
  schemaDeclared: boolean;
}

declare module '../contracts/types.js' {
  interface FactTypes {
    envVar: EnvVarFact;
    envSpec: EnvSpecFact;
    envFile: EnvFileFact;
    envSecretFile: EnvSecretFileFact;
    envTemplateKey: EnvTemplateKeyFact;
  }
}
