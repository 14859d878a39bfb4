/**
 * The one env-read analysis (issue 9: "one concept, one place"). The Python, Ruby and JavaScript
 * collectors each map their syntax trees onto one language-neutral description of a read
 * (`EnvReadEvidence`: the key, where, its fallback, whether the read only tests presence, whether it
 * sits under a presence guard or a development-only branch); `envRead` turns that into the
 * `CodeEnvRead` fact with the judgement made here and nowhere else: which default it has (none /
 * literal / placeholder / expression), how it is guarded (presence / dev-only / none) and, through
 * `requiredInProduction`, whether production must provide the variable.
 *
 * The shared pieces of the tree walks live here too: the walk up through branches
 * (`underBranch`, over each language's `branchOf`) and the reading of an environment comparison
 * (`comparisonEnvironment`: `NODE_ENV !== "production"`, `Rails.env == "development"`).
 */
import type { EnvName } from '../contracts/types.js';
import { normalizeEnvName } from '../lib/environment.js';
import { isPlaceholder } from '../lib/secrets.js';
import type { CodeEnvRead } from './common.js';

/** The read's fallback: none, a literal, a literal that is a placeholder (`changeme`), or an expression. */
export type EnvDefaultKind = 'none' | 'literal' | 'placeholder' | 'expression';
/** What makes a missing variable a handled case: a presence guard, a development-only branch, or nothing. */
export type EnvReadGuard = 'presence' | 'dev-only' | 'none';

/** What a collector saw around one read, in no language's terms. */
export interface EnvReadEvidence {
  key: string;
  /** How it is read: `os.environ[]`, `os.getenv`, `ENV.fetch`, `process.env` … */
  via: string;
  file: string;
  line: number;
  column: number;
  /**
   * The fallback the read has (`os.environ.get("X", d)`, `ENV.fetch("X", d)`, `x or d`, `x || d`,
   * `x ?? d`, `x ||= d`): `literal` is its text when it is a literal (a string, number, boolean).
   */
  fallback?: { literal?: string };
  /** The read itself only tests presence or compares (`if os.getenv("X"):`, `ENV.key?("X")`, `process.env.X === "1"`, `!x`). */
  presenceTest?: boolean;
  /** The read sits in the branch of a condition that tested the variable (`if "X" in os.environ:`, `ENV["X"] && f(ENV["X"])`). */
  presenceGuard?: boolean;
  /** The read sits in a development-only branch (`if __name__ == "__main__":`, `if Rails.env.development?`, `if (process.env.NODE_ENV !== "production")`). */
  devOnlyBranch?: boolean;
  /** Variables this read is the fallback of (`ENV["A"] || ENV["B"]`: B's alternatives are [A]). */
  alternatives?: readonly string[];
  /** Read at build time (`import.meta.env.X`). */
  buildTime?: boolean;
  /** The read's environment when it differs from its file's (a read inside `class DevelopmentConfig:`). */
  environment?: EnvName;
}

/** The kind of a fallback. */
export function defaultKindOf(fallback: EnvReadEvidence['fallback']): EnvDefaultKind {
  if (!fallback) return 'none';
  if (fallback.literal === undefined) return 'expression';
  return isPlaceholder(fallback.literal) ? 'placeholder' : 'literal';
}

/** The read as a fact, judged: its default kind, its guard, and whether absence is handled (`hasDefault`). */
export function envRead(e: EnvReadEvidence): CodeEnvRead {
  const defaultKind = defaultKindOf(e.fallback);
  const presence = e.presenceTest === true || e.presenceGuard === true;
  const guard: EnvReadGuard = e.devOnlyBranch ? 'dev-only' : presence ? 'presence' : 'none';
  const r: CodeEnvRead = { name: e.key, hasDefault: defaultKind !== 'none' || presence, via: e.via, file: e.file, line: e.line, column: e.column, defaultKind, guard };
  if (e.fallback?.literal !== undefined) r.defaultValue = e.fallback.literal;
  if (presence) r.guarded = true;
  if (e.devOnlyBranch) r.devOnly = true;
  if (e.alternatives?.length) r.alternatives = [...e.alternatives];
  if (e.buildTime) r.buildTime = true;
  if (e.environment !== undefined) r.environment = e.environment;
  return r;
}

/**
 * Must production provide the variable for this read to work? Not when the read has a fallback of
 * any kind (a placeholder fallback is a default too: contract/placeholder-default judges those),
 * when the code handles its absence (a presence guard), or when it only runs in development.
 */
export function requiredInProduction(r: Pick<CodeEnvRead, 'hasDefault' | 'guarded' | 'devOnly'>): boolean {
  return !r.devOnly && !r.hasDefault && !r.guarded;
}

/** A branch a node sits in: the condition that selects it, and whether it runs when the condition is false (`else`, `unless`). */
export interface BranchOf<N> {
  condition: N;
  whenFalse: boolean;
}

/**
 * Walks up from `node` and answers whether some enclosing branch satisfies `test` (its condition,
 * whether it runs when the condition is false). `branchOf(parent, child)` is the language's part:
 * the branch `child` is in when `parent` is a conditional (if / unless / ternary / `a && b` …).
 * The walk stops after `stop(parent)` (a function or method boundary) and after `maxDepth` levels.
 */
export function underBranch<N>(
  node: N,
  parentOf: (n: N) => N | null | undefined,
  branchOf: (parent: N, child: N) => BranchOf<N> | undefined,
  test: (b: BranchOf<N>) => boolean,
  stop: (parent: N) => boolean = () => false,
  maxDepth = 10_000,
): boolean {
  let child = node;
  let depth = 0;
  for (let p = parentOf(node); p && depth < maxDepth; child = p, p = parentOf(p), depth++) {
    const b = branchOf(p, child);
    if (b && test(b)) return true;
    if (stop(p)) break;
  }
  return false;
}

/**
 * `SUBJECT OP "literal"` where SUBJECT names the environment (NODE_ENV, Rails.env, RAILS_ENV …):
 * true only in development / test (`dev`), true only in production (`prod`), or unknown.
 */
export function comparisonEnvironment(literal: string, equal: boolean): 'dev' | 'prod' | undefined {
  const v = normalizeEnvName(literal);
  const k = v === 'development' || v === 'test' ? 'dev' : v === 'production' ? 'prod' : undefined;
  if (equal) return k;
  return k === 'prod' ? 'dev' : k === 'dev' ? 'prod' : undefined;
}

/** `dev` / `prod` under a negation. */
export function negateEnvironment(k: 'dev' | 'prod' | undefined): 'dev' | 'prod' | undefined {
  return k === 'dev' ? 'prod' : k === 'prod' ? 'dev' : undefined;
}

/** Does a branch of a `dev` / `prod` condition run only in development? */
export function isDevOnlyBranch(kind: 'dev' | 'prod' | undefined, whenFalse: boolean): boolean {
  return (kind === 'dev' && !whenFalse) || (kind === 'prod' && whenFalse);
}
