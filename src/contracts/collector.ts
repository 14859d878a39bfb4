/** Contracts of collectors and derivers: the fact base shape, the collect context, the fact store. */
import type { EnvName, FactName, FactTypes, FileKind, SourceFile } from './types.js';

/** Every fact names the file it came from and the environment it belongs to. */
export interface BaseFact {
  /** POSIX path relative to the scanned root (or a URL for live facts). */
  file: string;
  /** Environment of the fact (usually its file's; a `ProductionConfig` class can differ). */
  environment: EnvName;
}

export interface CollectContext {
  /** Target environment. */
  environment: EnvName;
  /** Every discovered file (for cross-file lookups: nginx includes, .dockerignore …). */
  files: readonly SourceFile[];
  /** Extra environment names recognized in paths / class names. */
  customEnvs: readonly string[];
  /** Registers a value that must never appear in any output. */
  registerSecret(value: string): void;
  /**
   * A file-scoped collector's view of other files (its registry entry's `context`), computed by the
   * engine; absent when a collector is called directly (it then computes it from `files`).
   */
  context?: unknown;
  /**
   * Says which file a collector starts working on, for the time budget (a project collector that
   * parses several files at once calls it per file); a no-op outside a worker.
   */
  checkpoint?(path: string): void;
  /** Collectors that run a tool; each is off unless the command turns it on. */
  tools?: CollectTools;
  /**
   * Parse every file, also those a collector's cheap check shows no rule can use (tests compare
   * both ways to prove the check loses no finding).
   */
  exhaustive?: boolean;
}

/** Opt-in collectors that run external tools (never on by default: scanning runs no program). */
export interface CollectTools {
  /** `honban scan --nginx-test`: the real `nginx -t` on a copy of each top-level nginx configuration (`binary`: the nginx to run, default nginx on PATH). */
  nginxTest?: { binary?: string };
}

/**
 * A collector only parses or gathers: it turns one file into facts, never judges.
 * Throw `ParseError` for a malformed file: it becomes a report error and the run goes on.
 */
export interface Collector<N extends FactName = FactName> {
  fact: N;
  kinds: readonly FileKind[];
  collect(file: SourceFile, ctx: CollectContext): FactTypes[N] | FactTypes[N][] | undefined | Promise<FactTypes[N] | FactTypes[N][] | undefined>;
}

/** Cross-file facts computed once from other facts (derive/). */
export interface Deriver<N extends FactName = FactName> {
  fact: N;
  needs: readonly FactName[];
  derive(facts: { [K in FactName]?: FactTypes[K][] }, ctx: CollectContext): FactTypes[N][] | Promise<FactTypes[N][]>;
}

/** Facts by name, as the engine holds them between collect and evaluate. */
export type FactStore = Partial<Record<FactName, BaseFact[]>>;

export type CollectorModule = { default: Collector<any> };
export type DeriverModule = { default: Deriver<any> };
