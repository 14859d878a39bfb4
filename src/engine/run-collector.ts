/**
 * Runs one collector on one file and turns what it throws into report errors: the same code in the
 * main thread and in a worker, so a parallel scan and a single-threaded one cannot differ.
 */
import type { BaseFact, CollectContext, Collector } from '../contracts/collector.js';
import { ParseError } from '../contracts/errors.js';
import type { ReportError, SourceFile } from '../contracts/types.js';

/** What one collector said about one file: plain data (it crosses threads and goes to the cache). */
export interface FileResult {
  facts: BaseFact[];
  errors: ReportError[];
  /** Values registered as secrets while collecting, in order. */
  secrets: string[];
}

export async function runCollector(name: string, collector: Collector, source: SourceFile, ctx: Omit<CollectContext, 'registerSecret'>): Promise<FileResult> {
  // A file whose text is read on each use (discovery holds none): read once for this collector.
  const file = Object.getOwnPropertyDescriptor(source, 'content')?.get ? { ...source } : source;
  const secrets: string[] = [];
  const errors: ReportError[] = [];
  const facts: BaseFact[] = [];
  const own: CollectContext = {
    ...ctx,
    registerSecret(value: string) {
      if (value) secrets.push(value);
    },
  };
  try {
    const r = await collector.collect(file, own);
    const list = Array.isArray(r) ? (r as BaseFact[]) : r === undefined ? [] : [r as BaseFact];
    if (depthOf(list) > MAX_FACT_DEPTH) {
      // Facts this deep cannot cross threads or reach the cache, and would exhaust the stack of rules.
      errors.push({ kind: 'collector', file: file.path, message: `${name}: not analysed: nesting deeper than ${MAX_FACT_DEPTH} levels` });
    } else {
      facts.push(...list);
      // A file read in part (a syntax error the parser recovered from): its fact stays, the error is an entry.
      for (const f of list as (BaseFact & { parseError?: { line?: number; column?: number; message: string } })[]) {
        if (f.parseError) errors.push({ kind: 'parse', file: file.path, line: f.parseError.line, column: f.parseError.column, message: f.parseError.message });
      }
    }
  } catch (e) {
    if (e instanceof ParseError) errors.push({ kind: 'parse', file: file.path, line: e.line, column: e.column, message: e.message });
    else errors.push({ kind: 'collector', file: file.path, message: `${name}: ${errorMessage(e)}` });
  }
  return { facts, errors, secrets };
}

function errorMessage(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'nesting too deep to analyse (call stack exhausted)';
  return (e as Error)?.message ?? String(e);
}

/** The entry for a file whose collector cannot be loaded (the same in a worker and here). */
export function loadFailure(name: string, path: string, message: string): FileResult {
  return { facts: [], secrets: [], errors: [{ kind: 'collector', file: path, message: `cannot load the ${name} collector: ${message}` }] };
}

/** How deep facts may nest (values inside values): far beyond real configuration, far below any stack limit. */
export const MAX_FACT_DEPTH = 1000;

/** Nesting depth of plain data, without recursion; stops counting past the limit. */
function depthOf(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  const seen = new Set<object>();
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (!x || typeof x !== 'object' || seen.has(x)) continue;
    seen.add(x);
    if (d > max) max = d;
    if (max > MAX_FACT_DEPTH) return max;
    for (const v of Array.isArray(x) ? x : Object.values(x)) if (v && typeof v === 'object') stack.push([v, d + 1]);
  }
  return max;
}

/**
 * `ctx.files` of a file-scoped collector: any use throws (a collector error in every test), so a
 * collector that starts reading other files cannot silently differ between threads or the cache.
 */
export const NO_FILES: readonly SourceFile[] = new Proxy([] as SourceFile[], {
  get(_t, prop) {
    throw new Error(`file-scoped collectors see no other files (ctx.files.${String(prop)}): declare scope 'project' or a context in collect/index.ts`);
  },
});
