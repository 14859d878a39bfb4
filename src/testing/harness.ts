/**
 * Test helpers: run rules over in-memory files exactly as `honban scan` would.
 */
import assert from 'node:assert/strict';
import type { HonbanConfig } from '../contracts/config.js';
import type { Finding, ReportError, Rule } from '../contracts/types.js';
import { scan } from '../commands/scan.js';

export interface VirtualFile {
  path: string;
  content: string;
  gitIgnored?: boolean;
  gitTracked?: boolean;
  mode?: number;
}

export interface RunOptions {
  environment?: string;
  config?: HonbanConfig;
  /** Include findings of every status (default: open only). */
  all?: boolean;
  /** Receives the lines `honban scan` prints about tool runs (`nginx -t …: ok`). */
  onNotice?: (line: string) => void;
  /**
   * expectLines only: the error entries the case is meant to produce, one pattern per entry
   * (`file:line message`). Default none: a case whose run reported a parse or rule error fails —
   * a crash or an unreadable fixture must not pass as "no finding".
   */
  errors?: RegExp[];
  /** Parse every file, also those no rule can use (ScanOptions.parseEveryFile). */
  parseEveryFile?: boolean;
}

/** Runs `rules` (one or several) over `files` and returns the findings. */
export async function runRules(rules: Rule<any> | Rule<any>[], files: VirtualFile[] | Record<string, string>, opts: RunOptions = {}): Promise<Finding[] & { errors?: ReportError[] }> {
  const list: VirtualFile[] = Array.isArray(files) ? files : Object.entries(files).map(([path, content]) => ({ path, content }));
  const { report } = await scan({
    files: list,
    rules: Array.isArray(rules) ? rules : [rules],
    environment: opts.environment ?? 'production',
    config: opts.config ?? {},
    now: new Date('2026-06-01T00:00:00Z'),
    onNotice: opts.onNotice,
    parseEveryFile: opts.parseEveryFile,
  });
  const out: Finding[] & { errors?: ReportError[] } = opts.all ? [...report.findings] : report.findings.filter((f) => f.status === 'open');
  // Parse / rule errors are part of what a test sees.
  Object.defineProperty(out, 'errors', { value: report.errors, enumerable: false });
  return out;
}

/** `file:line:ruleId` triples, sorted — the exact lines a test asserts. */
export function lines(findings: Finding[], ruleId?: string): string[] {
  return findings.filter((f) => !ruleId || f.ruleId === ruleId).map((f) => `${f.file}:${f.line ?? '-'}`);
}

/**
 * Asserts the rule reports exactly these `file:line` locations, and that the run reported no error
 * entry (a file that failed to parse, a rule that threw) beyond `opts.errors`. The one expectLines
 * of every rule test.
 */
export async function expectLines(rule: Rule<any>, files: VirtualFile[] | Record<string, string>, expected: string[], opts: RunOptions = {}): Promise<Finding[]> {
  const findings = await runRules(rule, files, opts);
  const errors = (findings.errors ?? []).map((e) => `${e.file ?? '-'}:${e.line ?? '-'} ${e.message}`);
  const want = opts.errors ?? [];
  assert.ok(errors.length === want.length && want.every((re, i) => re.test(errors[i]!)), `${rule.id}: the run reported ${errors.length ? `errors ${JSON.stringify(errors, null, 1)}` : 'no error'}, expected ${want.length ? want.map(String).join(', ') : 'none'}`);
  assert.deepEqual(lines(findings, rule.id), expected, `findings of ${rule.id}: ${JSON.stringify(findings.map((f) => `${f.file}:${f.line} ${f.message}`), null, 1)}`);
  // Files a cheap check leaves unparsed (collect/python/relevance.ts) or unlinted (collect/secretlint.ts)
  // must not change any finding.
  const list = Array.isArray(files) ? files.map((f) => f.path) : Object.keys(files);
  if (!opts.parseEveryFile && (list.some((p) => p.endsWith('.py')) || rule.facts.includes('credentials'))) {
    const every = await runRules(rule, files, { ...opts, parseEveryFile: true });
    const show = (fs: Finding[]) => fs.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity} ${f.message}`);
    assert.deepEqual(show(findings), show(every), `${rule.id}: findings differ when every file is parsed and linted — a word a rule needs is missing from collect/python/relevance.ts or collect/secretlint.ts`);
  }
  return findings;
}

/** Joins lines with \n (fixtures read better as arrays of lines). */
export function text(...ls: string[]): string {
  return ls.join('\n') + '\n';
}
