/**
 * The layers of honban's source and the import rules between them (docs/contributing.md, "Layers").
 * The architecture test (src/architecture.test.ts) checks every non-test module against them.
 *
 * A module may import modules of its own layer or of a lower one; never a higher one. Test files
 * (`*.test.ts`) and test support (`src/testing/`) may import anything, and nothing else may import
 * them.
 */
import ts from 'typescript';
import path from 'node:path';

/** Bottom first. `dirs` are folders (or single files) under src/. */
export const LAYERS: readonly { name: string; dirs: readonly string[]; holds: string }[] = [
  { name: 'contracts', dirs: ['contracts/'], holds: 'types every layer shares (Rule, Finding, Report, Collector, FactTypes, HonbanConfig), errors, version' },
  { name: 'lib', dirs: ['lib/'], holds: 'pure shared knowledge: secret names, values, environments, shell words, URLs, development servers' },
  { name: 'config', dirs: ['config/'], holds: 'honban.yml: schema, loading, validation, the variable specs it declares' },
  { name: 'facts', dirs: ['facts/'], holds: 'every fact type (one shape per concept) and pure accessors over facts' },
  { name: 'collect', dirs: ['collect/'], holds: 'collectors: parse files or gather live data into facts; never judge' },
  { name: 'derive', dirs: ['derive/'], holds: 'cross-file facts computed once (deployments, env contract, settings groups)' },
  { name: 'rules', dirs: ['rules/'], holds: 'one rule per file, path = id: metadata + a pure check over typed facts' },
  { name: 'engine', dirs: ['engine/'], holds: 'discover, collect, evaluate, post-process (suppress, waive, baseline, mask), build the Report' },
  { name: 'report', dirs: ['report/'], holds: 'reporters: pure functions of one Report' },
  { name: 'commands', dirs: ['commands/'], holds: 'scan, env, probe, host: choose sources, run the engine, return a Report' },
  { name: 'cli', dirs: ['cli/'], holds: 'argument parsing, help, output, exit codes' },
  { name: 'api', dirs: ['index.ts'], holds: 'the public API' },
];

/** Layers a rule may import besides rules/define.ts and its own domain's `_` helpers: it reads facts, nothing that makes them. */
export const RULE_MAY_IMPORT: readonly string[] = ['contracts', 'lib', 'facts'];

export function isTestModule(rel: string): boolean {
  return rel.endsWith('.test.ts') || rel.startsWith('testing/');
}

/** Index of the layer of a module (path relative to src/, POSIX), or -1. */
export function layerOf(rel: string): number {
  return LAYERS.findIndex((l) => l.dirs.some((d) => (d.endsWith('/') ? rel.startsWith(d) : rel === d)));
}

/** Relative imports of a module (static, dynamic, re-exports, `declare module`), as src-relative .ts paths. */
export function importsOf(rel: string, text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  const out: string[] = [];
  for (const f of info.importedFiles) {
    if (!f.fileName.startsWith('.')) continue;
    out.push(path.posix.normalize(path.posix.join(path.posix.dirname(rel), f.fileName)).replace(/\.js$/, '.ts'));
  }
  return out;
}

/** `rules/<domain>/<name>.ts` → domain, else undefined. */
function ruleDomain(rel: string): string | undefined {
  const m = /^rules\/([^/]+)\//.exec(rel);
  return m?.[1];
}

/**
 * Every import that breaks a layer rule, as readable messages. `modules` maps src-relative paths to
 * their text (non-test modules are checked; test modules are only import targets).
 */
export function layerViolations(modules: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [rel, text] of modules) {
    if (isTestModule(rel)) continue;
    const from = layerOf(rel);
    if (from < 0) {
      problems.push(`${rel}: belongs to no layer (put it under one of ${LAYERS.map((l) => l.dirs.join(' ')).join(', ')})`);
      continue;
    }
    for (const target of importsOf(rel, text)) {
      if (isTestModule(target)) {
        problems.push(`${rel} imports test code ${target}`);
        continue;
      }
      const to = layerOf(target);
      if (to < 0) continue; // reported as a module of no layer
      if (to > from) {
        problems.push(`${rel} (${LAYERS[from]!.name}) imports ${target} from the higher layer ${LAYERS[to]!.name}`);
        continue;
      }
      if (LAYERS[from]!.name === 'rules') {
        const toName = LAYERS[to]!.name;
        if (toName === 'rules') {
          const a = ruleDomain(rel);
          const b = ruleDomain(target);
          const helper = b !== undefined && path.posix.basename(target).startsWith('_');
          if (target !== 'rules/define.ts' && !(a === b && helper) && !(a === undefined)) {
            problems.push(`${rel} imports ${target}: a rule imports only rules/define.ts and its own domain's _helpers (move shared code to lib/ or facts/)`);
          }
        } else if (!RULE_MAY_IMPORT.includes(toName)) {
          problems.push(`${rel} (rules) imports ${target} from ${toName}: rules read facts only (contracts, lib, facts)`);
        }
      }
    }
  }
  return problems;
}

/** Import cycles among non-test modules (each cycle once, as a path list). */
export function importCycles(modules: ReadonlyMap<string, string>): string[][] {
  const graph = new Map<string, string[]>();
  for (const [rel, text] of modules) if (!isTestModule(rel)) graph.set(rel, importsOf(rel, text).filter((t) => modules.has(t) && !isTestModule(t)));
  // Tarjan's strongly connected components.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}
