import { COLLECTORS, DERIVERS } from '../collect/index.js';
import type { BaseFact, CollectContext, Deriver } from './collector.js';
import { judges as judgesEnv } from './environment.js';
import { collectFiles, DEFAULT_BUDGET_MS, type CollectStats } from '../engine/collect-files.js';
import type { FactCache } from '../engine/cache.js';
import { fingerprintOf } from './fingerprint.js';
import type { EnvName, FactName, RawFinding, ReportError, ReportInput, Rule, RuleContext, Severity, SourceFile } from './types.js';

export type FactStore = Partial<Record<FactName, BaseFact[]>>;

export interface CollectResult {
  facts: FactStore;
  errors: ReportError[];
  secrets: Set<string>;
  stats: CollectStats;
}

/** Facts needed by these rules, including what their derived facts need. */
export function neededFacts(rules: readonly Rule[]): Set<string> {
  const need = new Set<string>();
  for (const r of rules) for (const f of r.facts) need.add(f);
  return need;
}

export interface CollectOptions {
  environment: EnvName;
  customEnvs?: string[];
  /** Worker threads for parsing (0, the default here: this thread, without a time budget). */
  jobs?: number;
  /** Time budget per file in the workers, milliseconds (default 5 s). */
  budgetMs?: number;
  /** Fact cache (none by default). */
  cache?: FactCache;
}

/**
 * Runs the collectors (and derivers) for `need` over `files`. Parser modules load lazily: only
 * when a needed fact has a file of its kind. A collector failure on one file becomes an error entry;
 * so does a file over its time budget (in workers).
 */
export async function collectFacts(files: readonly SourceFile[], need: Set<string>, opts: CollectOptions): Promise<CollectResult> {
  const ctx: CollectContext = {
    environment: opts.environment,
    files,
    customEnvs: opts.customEnvs ?? [],
    registerSecret(value: string) {
      if (value) secrets.add(value);
    },
  };
  const secrets = new Set<string>();
  const errors: ReportError[] = [];
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
    jobs: opts.jobs ?? 0,
    budgetMs: opts.budgetMs ?? DEFAULT_BUDGET_MS,
    cache: opts.cache,
  });
  const facts: FactStore = collected.facts as FactStore;
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

export interface EvaluateOptions {
  environment: EnvName;
  /** Per-rule severity overrides (honban.yml `rules:`). */
  severities?: Record<string, Severity>;
  /** Per-rule options (honban.yml `rules: {id: {options}}`). */
  options?: Record<string, Record<string, unknown>>;
  /** Source text of a file, for fingerprints (and suppressions later). */
  sourceOf?: (file: string) => string | undefined;
}

export interface EvaluateResult {
  findings: RawFinding[];
  errors: ReportError[];
}

/** The rules' view of the facts: `scope: target` sees only facts the target environment inherits. */
function factsFor(rule: Rule, store: FactStore, environment: EnvName): Record<string, BaseFact[]> {
  const out: Record<string, BaseFact[]> = {};
  for (const name of rule.facts) {
    const all = store[name] ?? [];
    out[name] = rule.scope === 'all' ? all : all.filter((f) => f.environment === undefined || judgesEnv(environment, f.environment));
  }
  return out;
}

function lineOf(text: string | undefined, line: number | undefined): string | undefined {
  if (text === undefined || !line) return undefined;
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end);
}

/** Runs each rule over its facts. A rule that throws becomes an error entry; the run goes on. */
export async function evaluate(rules: readonly Rule[], store: FactStore, opts: EvaluateOptions): Promise<EvaluateResult> {
  const findings: RawFinding[] = [];
  const errors: ReportError[] = [];
  for (const rule of rules) {
    const severity = opts.severities?.[rule.id] ?? rule.severity;
    const ctx: RuleContext = {
      environment: opts.environment,
      judges: (env: EnvName) => judgesEnv(opts.environment, env),
      options: opts.options?.[rule.id] ?? {},
      report(input: ReportInput) {
        const line = input.line;
        const content = input.fingerprint ?? lineOf(opts.sourceOf?.(input.file), line) ?? `${input.key ?? ''} ${input.message.en}`;
        findings.push({
          ruleId: rule.id,
          severity: input.severity && !opts.severities?.[rule.id] ? input.severity : severity,
          message: input.message,
          file: input.file,
          line: input.line,
          column: input.line ? (input.column ?? 1) : input.column,
          endLine: input.endLine,
          endColumn: input.endColumn,
          fix: input.fix ?? rule.fix,
          evidence: input.evidence,
          key: input.key,
          status: 'open',
          fingerprint: fingerprintOf(rule.id, input.file, content),
          secrets: input.secrets,
        });
      },
    };
    try {
      await rule.check(factsFor(rule, store, opts.environment) as never, ctx);
    } catch (e) {
      errors.push({ kind: 'rule', ruleId: rule.id, message: `rule ${rule.id} failed: ${(e as Error)?.message ?? String(e)}` });
    }
  }
  return { findings, errors };
}
