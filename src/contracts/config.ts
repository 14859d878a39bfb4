/** The shape of honban.yml (loaded and validated by src/config/). */
import type { EnvName, Severity, Lang, FailOn, Rule } from './types.js';

/** The keywords of a variable in honban.yml `variables:` (without `environments`). */
export interface VarSpec {
  required?: boolean;
  recommended?: boolean;
  secret?: boolean;
  type?: 'string' | 'boolean' | 'integer' | 'number' | 'url' | 'email' | 'port' | 'enum';
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  pattern?: string;
  schemes?: string[];
  values?: (string | number | boolean)[];
  forbid?: (string | number | boolean)[];
  equals?: string | number | boolean;
  description?: string;
}

/** The spec that applies to one variable in the target environment, and where it came from. */
export interface EffectiveSpec extends VarSpec {
  /** `schema`: honban.yml `variables:`; `catalog`: honban's built-in expectations. */
  origin: 'schema' | 'catalog';
  /** Where it was declared (honban.yml path and line) — for findings about an absent variable. */
  declaredIn?: { file: string; line: number; column: number; };
  /** Environment whose override was merged in, if any. */
  override?: EnvName;
}
export interface Waiver {
  rule: string;
  path?: string;
  reason: string;
  owner?: string;
  until?: string;
}

/** One item of the go-live checklist (`checklist:`; see docs/check.md). */
export interface ChecklistItem {
  id: string;
  title: string | { en: string; ja?: string };
  priority: 'P0' | 'P1' | 'P2';
  owner?: string;
  due?: string;
  checks?: string[];
  status?: 'todo' | 'done' | 'deferred' | 'skipped' | 'not-applicable';
  evidence?: string;
  attested?: { by: string; on: string };
  reattest?: string;
  reason?: string;
  until?: string;
}

/** `history:` — where honban check stores its runs. */
export interface HistoryConfig {
  store?: string;
  keep?: string | number;
  project?: string;
}

export type VariableSpec = Record<string, unknown> & { environments?: Record<string, Record<string, unknown>>; };

export interface HonbanConfig {
  environment?: string;
  lang?: Lang;
  failOn?: FailOn;
  ignore?: string[];
  rules?: Record<string, Severity | 'off' | { severity?: Severity | 'off'; options?: Record<string, unknown>; }>;
  waivers?: Waiver[];
  /** Normalized at load: the list shorthand `production: [globs]` becomes `{ paths: [globs] }`. */
  environments?: Record<string, { paths?: string[]; files?: string[]; aliases?: string[] }>;
  variables?: Record<string, VariableSpec>;
  probe?: Record<string, unknown>;
  /** honban host settings (src/config/host.ts). */
  host?: Record<string, unknown>;
  checklist?: ChecklistItem[];
  history?: HistoryConfig;
  /** Where it was read from (absent when no file). */
  source?: string;
  /** Deprecated rule ids this file uses (set by the loader; the CLI prints them on stderr). */
  deprecations?: string[];
  /** Local ES modules with custom rules (paths or globs, relative to honban.yml). */
  plugins?: string[];
  /** The rules those modules export, loaded and validated by loadConfig. */
  pluginRules?: Rule<any>[];
  /** Positions in the file (1-based), for findings about the config itself. */
  positions?: { waivers?: ({ line: number; column: number } | undefined)[] };
}
