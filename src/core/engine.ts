import { COLLECTORS, DERIVERS } from '../collect/index.js';
import type { BaseFact, CollectContext, Collector, Deriver } from './collector.js';
import { judges as judgesEnv } from './environment.js';
import { ParseError } from './errors.js';
import { fingerprintOf } from './fingerprint.js';
import type { EnvName, FactName, RawFinding, ReportError, ReportInput, Rule, RuleContext, Severity, SourceFile } from './types.js';

export type FactStore = Partial<Record<FactName, BaseFact[]>>;

export interface CollectResult {
  facts: FactStore;
  errors: ReportError[];
  secrets: Set<string>;
}

/** Facts needed by these rules, including what their derived facts need. */
export function neededFacts(rules: readonly Rule[]): Set<string> {
  const need = new Set<string>();
  for (const r of rules) for (const f of r.facts) need.add(f);
  return need;
}

/**
 * Runs the collectors (and derivers) for `need` over `files`. Parser modules load lazily: only
 * when a needed fact has a file of its kind. A collector failure on one file becomes an error entry.
 */
export async function collectFacts(
  files: readonly SourceFile[],
  need: Set<string>,
  opts: { environment: EnvName; customEnvs?: string[] },
): Promise<CollectResult> {
  const facts: FactStore = {};
  const errors: ReportError[] = [];
  const secrets = new Set<string>();
  const ctx: CollectContext = {
    environment: opts.environment,
    files,
    customEnvs: opts.customEnvs ?? [],
    registerSecret(value: string) {
      if (value) secrets.add(value);
    },
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

  for (const name of toCollect) {
    const entry = COLLECTORS[name]!;
    const kinds = new Set(entry.kinds);
    const mine = files.filter((f) => kinds.has(f.kind));
    const out: BaseFact[] = [];
    facts[name as FactName] = out;
    if (mine.length === 0) continue;
    let collector: Collector;
    try {
      collector = (await entry.load()).default as Collector;
    } catch (e) {
      errors.push({ kind: 'collector', message: `cannot load the ${name} collector: ${(e as Error).message}` });
      continue;
    }
    for (const file of mine) {
      try {
        const r = await collector.collect(file, ctx);
        if (r === undefined) continue;
        if (Array.isArray(r)) out.push(...(r as BaseFact[]));
        else out.push(r as BaseFact);
      } catch (e) {
        if (e instanceof ParseError) {
          errors.push({ kind: 'parse', file: file.path, line: e.line, column: e.column, message: e.message });
        } else {
          errors.push({ kind: 'collector', file: file.path, message: `${name}: ${(e as Error).message}` });
        }
      }
    }
  }
  for (const [name, deriver] of loadedDerivers) {
    try {
      facts[name as FactName] = (await deriver.derive(facts as never, ctx)) as BaseFact[];
    } catch (e) {
      facts[name as FactName] = [];
      errors.push({ kind: 'collector', message: `${name}: ${(e as Error).message}` });
    }
  }
  return { facts, errors, secrets };
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
  /** Rules that had something to judge (a fact of one of the kinds they declare). */
  judged: string[];
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
  const judged: string[] = [];
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
    const facts = factsFor(rule, store, opts.environment);
    if (Object.values(facts).some((list) => list.length > 0)) judged.push(rule.id);
    try {
      await rule.check(facts as never, ctx);
    } catch (e) {
      errors.push({ kind: 'rule', ruleId: rule.id, message: `rule ${rule.id} failed: ${(e as Error)?.message ?? String(e)}` });
    }
  }
  return { findings, errors, judged };
}
