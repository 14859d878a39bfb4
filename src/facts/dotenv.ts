/** Fact `dotenv`: the assignments of one `.env*` file, with positions (collected by src/collect/dotenv.ts). */
import type { EnvName } from '../contracts/types.js';
import type { ProvidesVars } from './common.js';

export interface DotenvEntry {
  key: string;
  /** The value exactly as `dotenv.parse` returns it. */
  value: string;
  /** Position of the key. */
  line: number;
  column: number;
  /**
   * Position of the value as written: its opening quote for a quoted value, its first non-blank
   * character for an unquoted one, the character after `=` for an empty value.
   */
  valueLine: number;
  valueColumn: number;
  /** The quote that delimited the value, when it was quoted. */
  quote?: '"' | "'" | '`';
  /** Written as `export KEY=…`. */
  exported: boolean;
  /** The value as written spans more than one line. */
  multiline: boolean;
}

export interface DotenvProblem {
  line: number;
  column: number;
  message: string;
}

/** One `.env*` file. */
export interface DotenvFile extends ProvidesVars {
  file: string;
  environment: EnvName;
  /** A template (`.env.example` …): documents variables, provides nothing to a running app. */
  template: boolean;
  /** Git would not commit the file (ignored and not tracked). */
  gitIgnored: boolean;
  /** Git tracks the file (known inside a git work tree only). */
  gitTracked?: boolean;
  /** Permission bits, when read from disk. */
  mode?: number;
  /**
   * Who loads the file, when not whatever loads `.env`: `flask-cli` for `.flaskenv`, which the Flask
   * CLI (`flask run`, every `flask` command, and `app.run()` with python-dotenv) loads wherever the
   * code is checked out — meant to be committed, and never read by gunicorn, uWSGI or a platform, so
   * it is no deployment surface.
   */
  loader?: 'flask-cli';
  /** Every assignment in order (duplicates included; the last one wins). */
  entries: DotenvEntry[];
  /** Lines dotenv ignores or reads differently than written. */
  problems: DotenvProblem[];
}

/**
 * The entries that reach the application: for each key the last assignment (dotenv's rule),
 * in file order.
 */
export function effectiveEntries(f: DotenvFile): DotenvEntry[] {
  const last = new Map<string, DotenvEntry>();
  for (const e of f.entries) last.set(e.key, e);
  return f.entries.filter((e) => last.get(e.key) === e);
}

declare module '../contracts/types.js' {
  interface FactTypes {
    dotenv: DotenvFile;
  }
}
