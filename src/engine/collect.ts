import { COLLECTORS } from '../collect/index.js';
import { DERIVERS } from '../derive/index.js';
import type { BaseFact, CollectContext, CollectTools, Collector, Deriver, FactStore } from '../contracts/collector.js';
import { ParseError } from '../contracts/errors.js';
import type { EnvName, FactName, ReportError, Rule, SourceFile } from '../contracts/types.js';

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
  opts: { environment: EnvName; customEnvs?: string[]; tools?: CollectTools },
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
    tools: opts.tools ?? {},
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

