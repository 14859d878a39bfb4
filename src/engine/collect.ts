import { COLLECTORS } from '../collect/index.js';
import { DERIVERS } from '../derive/index.js';
import type { BaseFact, CollectContext, CollectTools, Deriver, FactStore } from '../contracts/collector.js';
import type { EnvName, FactName, ReportError, Rule, SourceFile } from '../contracts/types.js';
import type { FactCache } from './cache.js';
import { collectFiles, DEFAULT_BUDGET_MS, type CollectStats } from './collect-files.js';

export interface CollectResult {
  facts: FactStore;
  errors: ReportError[];
  secrets: Set<string>;
  stats: CollectStats;
}

export interface CollectOptions {
  environment: EnvName;
  customEnvs?: string[];
  /** Opt-in collectors that run a program (`--nginx-test`); they run in this thread. */
  tools?: CollectTools;
  /** Worker threads for parsing (0, the default here: this thread, without a time budget). */
  jobs?: number;
  /** Time budget per file in the workers, milliseconds (default 5 s). */
  budgetMs?: number;
  /** Fact cache (none by default). */
  cache?: FactCache;
  /** Parse every file, also those no rule can use (CollectContext.exhaustive). */
  exhaustive?: boolean;
}

/** Facts needed by these rules, including what their derived facts need. */
export function neededFacts(rules: readonly Rule[]): Set<string> {
  const need = new Set<string>();
  for (const r of rules) for (const f of r.facts) need.add(f);
  return need;
}

/**
 * Runs the collectors (and derivers) for `need` over `files`. Parser modules load lazily: only
 * when a needed fact has a file of its kind. A collector failure on one file becomes an error entry;
 * so does a file over its time budget (in workers).
 */
export async function collectFacts(files: readonly SourceFile[], need: Set<string>, opts: CollectOptions): Promise<CollectResult> {
  const secrets = new Set<string>();
  const errors: ReportError[] = [];
  const ctx: CollectContext = {
    environment: opts.environment,
    files,
    customEnvs: opts.customEnvs ?? [],
    registerSecret(value: string) {
      if (value) secrets.add(value);
    },
    tools: opts.tools ?? {},
    ...(opts.exhaustive ? { exhaustive: true } : {}),
  };
  // Derivers' inputs are collected too (known once the deriver module is loaded).
  const derivers: [string, () => Promise<{ default: Deriver }>][] = [];
  const toCollect = new Set<string>();
  for (const name of need) {
    if (DERIVERS[name]) derivers.push([name, DERIVERS[name]!.load as () => Promise<{ default: Deriver }>]);
    else if (COLLECTORS[name]) toCollect.add(name);
  }
  const loadedDerivers: [string, Deriver][] = [];
  for (const [name, load] of derivers) {
    const mod = await load();
    loadedDerivers.push([name, mod.default]);
    for (const n of mod.default.needs) if (COLLECTORS[n]) toCollect.add(n);
  }

  const collected = await collectFiles([...toCollect], files, {
    environment: opts.environment,
    customEnvs: opts.customEnvs ?? [],
    tools: opts.tools ?? {},
    jobs: opts.jobs ?? 0,
    budgetMs: opts.budgetMs ?? DEFAULT_BUDGET_MS,
    cache: opts.cache,
    exhaustive: opts.exhaustive ?? false,
  });
  const facts: FactStore = collected.facts as FactStore;
  // A file fact's text is the file's, read when a rule first asks (collect/file.ts leaves it out).
  if (facts.file?.length) {
    const byPath = new Map(files.map((f) => [f.path, f]));
    for (const fact of facts.file) {
      const src = byPath.get(fact.file);
      if (src && !('content' in fact)) Object.defineProperty(fact, 'content', { enumerable: true, configurable: true, get: () => src.content });
    }
  }
  errors.push(...collected.errors);
  for (const s of collected.secrets) secrets.add(s);
  for (const [name, deriver] of loadedDerivers) {
    try {
      facts[name as FactName] = (await deriver.derive(facts as never, ctx)) as BaseFact[];
    } catch (e) {
      facts[name as FactName] = [];
      errors.push({ kind: 'collector', message: `${name}: ${(e as Error).message}` });
    }
  }
  return { facts, errors, secrets, stats: collected.stats };
}

