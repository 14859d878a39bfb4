/**
 * Collection of per-file facts: which collector sees which file, where it runs (this thread or the
 * worker pool) and in which order the results are merged.
 *
 * - A collector's cheap `accepts` check leaves out files it has nothing to say about: they are not
 *   parsed at all.
 * - File-scoped collectors see their file and its `context` only (the same in a worker and here);
 *   project-scoped ones see every file.
 * - Results are merged per collector in file order, errors in the same order, so a parallel run
 *   equals a single-threaded one.
 * - A cache (optional) answers for files whose content, path, environment and configuration it has
 *   seen: those are not sent to any parser.
 */
import { COLLECTORS, type CollectorEntry } from '../collect/index.js';
import type { BaseFact, CollectTools, Collector } from '../contracts/collector.js';
import type { ReportError, SourceFile } from '../contracts/types.js';
import type { FactCache } from './cache.js';
import { lookupError, lookupResult, resultKey, runPool, type FileTask, type PoolOutcome, type Task } from './pool.js';
import { loadFailure, NO_FILES, runCollector, type FileResult } from './run-collector.js';
import { optimiseIfLong } from '../lib/jit.js';

export interface CollectFilesOptions {
  environment: string;
  customEnvs: string[];
  /** Opt-in collectors that run a program; only collectors of this thread see them. */
  tools?: CollectTools;
  /** Worker threads; 0 collects in this thread (no time budget for code that never yields). */
  jobs: number;
  /** Time budget per file in the pool, milliseconds. */
  budgetMs: number;
  cache?: FactCache;
  /** Parse every file, also those no rule can use (CollectContext.exhaustive). */
  exhaustive: boolean;
}

export interface CollectStats {
  /** Files per collector that a collector saw (not answered by the cache, not skipped). */
  parsed: number;
  /** Answered by the cache. */
  cached: number;
  /** Left out by a collector's cheap check. */
  skipped: number;
  workers: number;
  timeouts: number;
  /** The whole result came from the cache (nothing collected, no rule run). */
  result?: boolean;
}

export interface CollectFilesResult {
  facts: Record<string, BaseFact[]>;
  errors: ReportError[];
  secrets: string[];
  stats: CollectStats;
}

/** Default time budget per file (`--file-timeout`). */
export const DEFAULT_BUDGET_MS = 5000;

interface Unit {
  name: string;
  entry: CollectorEntry;
  files: SourceFile[];
  contexts: unknown[];
  /** Per file: the cached result, when there is one. */
  hits: (FileResult | undefined)[];
  /** Cache key per file (file scope) or one for the collector (project scope). */
  keys: (string | undefined)[];
}

/** Runs the collectors `names` over `files`; facts come back per collector, in file order. */
export async function collectFiles(names: readonly string[], files: readonly SourceFile[], opts: CollectFilesOptions): Promise<CollectFilesResult> {
  const stats: CollectStats = { parsed: 0, cached: 0, skipped: 0, workers: 0, timeouts: 0 };
  const units: Unit[] = [];
  for (const name of names) {
    const entry = COLLECTORS[name];
    if (!entry) continue;
    const kinds = new Set(entry.kinds);
    const mine: SourceFile[] = [];
    for (const f of files) {
      if (!kinds.has(f.kind)) continue;
      if (entry.accepts && !entry.accepts(f)) {
        stats.skipped++;
        continue;
      }
      mine.push(f);
    }
    const scope = entry.scope ?? 'file';
    const contexts = scope === 'file' && entry.context ? mine.map((f) => entry.context!(f, files)) : [];
    const unit: Unit = { name, entry, files: mine, contexts, hits: new Array<FileResult | undefined>(mine.length).fill(undefined), keys: new Array<string | undefined>(mine.length).fill(undefined) };
    // Collectors that run a program (main thread, project scope: nginx -t) are never cached.
    if (opts.cache && !(entry.thread === 'main' && scope === 'project') && mine.length) {
      if (scope === 'project') {
        const key = opts.cache.projectKey(name, files, opts);
        const hit = opts.cache.getProject(key, mine.map((f) => f.path));
        unit.keys[0] = key;
        if (hit) for (let i = 0; i < mine.length; i++) unit.hits[i] = hit[i];
      } else {
        for (let i = 0; i < mine.length; i++) {
          const key = opts.cache.fileKey(name, mine[i]!, contexts[i], opts);
          unit.keys[i] = key;
          unit.hits[i] = opts.cache.get(key);
        }
      }
    }
    units.push(unit);
  }

  // What the parsers must do: one task per file with every collector it needs (the file is read
  // once, by the worker that runs them), one per project.
  const tasks: Task[] = [];
  const byFile = new Map<string, FileTask>();
  for (const u of units) {
    if (u.entry.thread === 'main' || !u.files.length) continue;
    if ((u.entry.scope ?? 'file') === 'project') {
      if (u.hits.every((h) => h)) continue;
      tasks.push({ kind: 'project', name: u.name, paths: u.files.map((f) => f.path), exclude: [], attempts: 0 });
    } else {
      u.files.forEach((file, i) => {
        if (u.hits[i]) return;
        let t = byFile.get(file.path);
        if (!t) {
          t = { kind: 'file', file, jobs: [] };
          byFile.set(file.path, t);
          tasks.push(t);
        }
        t.jobs.push({ name: u.name, context: u.contexts[i] });
      });
    }
  }

  let outcome: PoolOutcome | undefined;
  const local = new Map<string, FileResult>();
  // A long run repays the optimising compiler, a short one does not (lib/jit.ts).
  optimiseIfLong(tasks.length);
  if (tasks.length && opts.jobs > 0) {
    outcome = await runPool(tasks, { jobs: opts.jobs, budgetMs: opts.budgetMs, environment: opts.environment, customEnvs: opts.customEnvs, exhaustive: opts.exhaustive, table: files });
    stats.workers = outcome.stats.workers;
    stats.timeouts = outcome.stats.timeouts;
  } else {
    for (const t of tasks) {
      const jobs = t.kind === 'project' ? [{ name: t.name, context: undefined }] : t.jobs;
      for (const job of jobs) {
        const u = units.find((x) => x.name === job.name)!;
        const collector = await loadHere(u.entry);
        const project = t.kind === 'project';
        const todo = project ? u.files : [t.file];
        for (const file of todo) {
          const r =
            typeof collector === 'string'
              ? loadFailure(u.name, file.path, collector)
              : await runCollector(u.name, collector, file, { environment: opts.environment, customEnvs: opts.customEnvs, exhaustive: opts.exhaustive, files: project ? files : NO_FILES, context: job.context });
          local.set(resultKey(u.name, file.path), r);
        }
      }
    }
  }

  // Merge in collector order, then file order.
  const facts: Record<string, BaseFact[]> = {};
  const errors: ReportError[] = [];
  const secrets: string[] = [];
  const add = (out: BaseFact[], r: FileResult) => {
    out.push(...r.facts);
    errors.push(...r.errors);
    secrets.push(...r.secrets);
  };
  for (const u of units) {
    const out: BaseFact[] = (facts[u.name] = []);
    if (!u.files.length) continue;
    if (u.entry.thread === 'main') {
      const project = (u.entry.scope ?? 'file') === 'project';
      let collector: Collector | string | undefined;
      for (let i = 0; i < u.files.length; i++) {
        const file = u.files[i]!;
        const hit = u.hits[i];
        if (hit) {
          stats.cached++;
          add(out, hit);
          continue;
        }
        if (!project) stats.parsed++; // a program's run (nginx -t) is no parse, and never cached
        collector ??= await loadHere(u.entry);
        const r =
          typeof collector === 'string'
            ? loadFailure(u.name, file.path, collector)
            : await runCollector(u.name, collector, file, { environment: opts.environment, customEnvs: opts.customEnvs, files: project ? files : NO_FILES, context: project ? undefined : u.contexts[i], tools: opts.tools ?? {} });
        if (opts.cache && !project && typeof collector !== 'string' && u.keys[i]) opts.cache.set(u.keys[i]!, r);
        add(out, r);
      }
      continue;
    }
    const project = (u.entry.scope ?? 'file') === 'project';
    const fresh: FileResult[] = [];
    for (let i = 0; i < u.files.length; i++) {
      const path = u.files[i]!.path;
      let r = u.hits[i];
      if (r) stats.cached++;
      else {
        stats.parsed++;
        r = (outcome ? lookupResult(outcome, u.name, path) : local.get(resultKey(u.name, path))) ?? {
          facts: [],
          secrets: [],
          errors: [(outcome && lookupError(outcome, u.name, path)) ?? { kind: 'collector', file: path, message: `${u.name}: not analysed` }],
        };
        const analysed = !outcome || !lookupError(outcome, u.name, path);
        if (analysed) fresh.push(r);
        if (opts.cache && !project && analysed && u.keys[i]) opts.cache.set(u.keys[i]!, r);
      }
      add(out, r);
    }
    // A project is cached whole, and only when every file of it was analysed.
    if (opts.cache && project && fresh.length === u.files.length && u.keys[0]) opts.cache.setProject(u.keys[0], u.files.map((f) => f.path), fresh);
  }
  return { facts, errors, secrets, stats };
}

/** The collector, or why it cannot be loaded. */
async function loadHere(entry: CollectorEntry): Promise<Collector | string> {
  try {
    return (await entry.load()).default as Collector;
  } catch (e) {
    return (e as Error).message;
  }
}

