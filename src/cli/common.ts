import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ENV_NAME_PATTERN } from '../config/schema.js';
import { UserError } from '../contracts/errors.js';
import { SEVERITIES, type FailOn, type Lang, type Severity } from '../contracts/types.js';
import { FORMATS, renderLazily, type Format } from '../report/formats.js';
import type { Report } from '../contracts/types.js';
import { L, langOfEnv } from '../lib/i18n.js';
import { isRulePattern, ruleIdMatches } from '../lib/rule-glob.js';
import { isEmptySelection, selectReport, type Selection } from '../report/filter.js';
import { summaryLine } from '../report/text.js';

/** Options every command shares. */
export const SHARED_OPTIONS = {
  env: { type: 'string' },
  lang: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  config: { type: 'string', short: 'c' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  rule: { type: 'string', multiple: true },
  'skip-rule': { type: 'string', multiple: true },
  'min-severity': { type: 'string' },
  'sarif-root': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** The selection options alone (for commands with their own option set, e.g. `honban rules`). */
export const SELECTION_OPTIONS = {
  rule: SHARED_OPTIONS.rule,
  'skip-rule': SHARED_OPTIONS['skip-rule'],
  'min-severity': SHARED_OPTIONS['min-severity'],
} as const satisfies ParseArgsConfig['options'];

export type ParsedValues<O> = { [K in keyof O]?: O[K] extends { type: 'boolean'; multiple: true } ? boolean[] : O[K] extends { type: 'boolean' } ? boolean : O[K] extends { multiple: true } ? string[] : string };

/** What the shared report functions read from a command's parsed options. */
export interface ReportValues {
  quiet?: boolean;
  output?: string;
  rule?: string[];
  'skip-rule'?: string[];
  'min-severity'?: string;
  'sarif-root'?: string;
}

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, command: string): { values: ParsedValues<O>; positionals: string[] } {
  let r: ReturnType<typeof parseArgs>;
  try {
    r = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const raw = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    const unknown = /^Unknown option '(.*?)'/s.exec(raw)?.[1];
    const opt = /^Option '(.*?)' argument (?:missing|is ambiguous)/s.exec(raw)?.[1];
    const missing = opt ? (/--[\w-]+/.exec(opt)?.[0] ?? opt) : undefined;
    if (unknown) throw new UserError(L(`unknown option '${unknown}' (see honban ${command} --help)`, `不明なオプション '${unknown}' (honban ${command} --help を参照)`));
    if (missing) throw new UserError(L(`${missing} needs a value (see honban ${command} --help)`, `${missing} には値が必要です (honban ${command} --help を参照)`));
    const first = raw.split('\n')[0]!;
    throw new UserError(L(`${first} (see honban ${command} --help)`, `オプションの誤り: ${first} (honban ${command} --help を参照)`));
  }
  // Environment names become parts of file names (`.env.<name>`): no empty, no path, no control characters.
  // honban diff's --from / --to may also name a Terraform root or tfvars file: checked by the command.
  for (const flag of command === 'diff' ? ['env'] : ['env', 'from', 'to']) {
    const v = (r.values as Record<string, unknown>)[flag];
    if (typeof v === 'string') assertEnvName(flag, v);
  }
  // A --sarif-root that does not exist is a usage error before anything is checked, not after a scan.
  const sarifRoot = (r.values as Record<string, unknown>)['sarif-root'];
  if (typeof sarifRoot === 'string') sarifRootDir(sarifRoot);
  return { values: r.values as ParsedValues<O>, positionals: r.positionals };
}

/** The absolute directory of --sarif-root; a usage error when it is not a directory. */
function sarifRootDir(flag: string): string {
  const abs = path.resolve(flag);
  let ok = false;
  try {
    ok = statSync(abs).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new UserError(L(`--sarif-root ${flag}: no such directory`, `--sarif-root ${flag}: ディレクトリがありません`));
  return abs;
}

/** A user error unless `v` is an environment name (what --env, --from and --to take). */
export function assertEnvName(flag: string, v: string): void {
  if (!ENV_NAME.test(v.trim())) {
    throw new UserError(v.trim() === ''
        ? L(`--${flag} needs an environment name (e.g. production), not an empty string`, `--${flag} には環境名 (例: production) が必要です。空文字列は使えません`)
        : L(`--${flag} must be an environment name (letters, digits, "_", "." and "-"), not ${JSON.stringify(v)}`, `--${flag} は環境名 (英字、数字、"_"、"."、"-") にしてください (${JSON.stringify(v)} ではなく)`));
  }
}

const ENV_NAME = new RegExp(ENV_NAME_PATTERN);

/** Language: --lang, then honban.yml, then LC_ALL / LC_MESSAGES / LANG. */
export function resolveLang(flag: string | undefined, configured?: Lang): Lang {
  if (flag !== undefined) {
    if (flag !== 'en' && flag !== 'ja') throw new UserError(L(`--lang must be en or ja, not "${flag}"`, `--lang は en か ja にしてください ("${flag}" ではなく)`));
    return flag;
  }
  if (configured) return configured;
  return langOfEnv();
}

export function resolveFormat(flag: string | undefined, allowed: readonly string[] = FORMATS): Format {
  const f = flag ?? 'pretty';
  if (!allowed.includes(f)) throw new UserError(L(`--format must be one of ${allowed.join(', ')}, not "${f}"`, `--format は ${allowed.join(', ')} のいずれかにしてください ("${f}" ではなく)`));
  return f as Format;
}

export function resolveFailOn(flag: string | undefined, configured?: FailOn): FailOn {
  const v = flag ?? configured ?? 'high';
  if (v !== 'none' && !(SEVERITIES as readonly string[]).includes(v)) {
    const all = [...SEVERITIES, 'none'].join(', ');
    throw new UserError(L(`--fail-on must be one of ${all}, not "${v}"`, `--fail-on は ${all} のいずれかにしてください ("${v}" ではなく)`));
  }
  return v as FailOn;
}

/**
 * `--rule` / `--skip-rule` (repeatable, globs such as `tf-aws/*`) and `--min-severity`, checked: a
 * pattern that matches no rule is a usage error (a typo must not silently select nothing).
 */
export async function resolveSelection(values: Pick<ReportValues, 'rule' | 'skip-rule' | 'min-severity'>, extraIds: Iterable<string> = []): Promise<Selection> {
  const sel: Selection = { rules: values.rule, skip: values['skip-rule'] };
  const min = values['min-severity'];
  if (min !== undefined) {
    if (!(SEVERITIES as readonly string[]).includes(min)) {
      throw new UserError(L(`--min-severity must be one of ${SEVERITIES.join(', ')}, not "${min}"`, `--min-severity は ${SEVERITIES.join(', ')} のいずれかにしてください ("${min}" ではなく)`));
    }
    sel.minSeverity = min as Severity;
  }
  if (sel.rules?.length || sel.skip?.length) {
    const { RULE_IDS } = await import('../rules/catalog.js');
    const ids = new Set([...RULE_IDS, ...extraIds]);
    for (const [flag, patterns] of [['--rule', sel.rules], ['--skip-rule', sel.skip]] as const) {
      for (const p of patterns ?? []) {
        if (isRulePattern(p) ? ![...ids].some((id) => ruleIdMatches(p, id)) : !ids.has(p)) {
          throw new UserError(L(`${flag} ${p}: no rule has this id (see honban rules)`, `${flag} ${p}: この ID のルールはありません (honban rules を参照)`));
        }
      }
    }
  }
  return sel;
}

/** Colours only on a TTY, never with NO_COLOR, never into a file. */
export function useColor(output: string | undefined): boolean {
  if (output) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(process.stdout.isTTY);
}

/** Progress goes to stderr, only on a TTY and not with --quiet. */
export function progress(quiet: boolean | undefined): ((m: string) => void) | undefined {
  if (quiet || !process.stderr.isTTY) return undefined;
  return (m: string) => process.stderr.write(`\r\x1b[2K${m}`);
}

/** Deprecated rule ids in honban.yml: one line each on stderr (not progress: shown without a TTY too, unless --quiet). */
export function warnDeprecations(config: { source?: string; deprecations?: string[] }, quiet: boolean | undefined): void {
  if (quiet) return;
  for (const d of config.deprecations ?? []) process.stderr.write(`honban: ${config.source ?? 'honban.yml'}: ${d}\n`);
}

export function clearProgress(quiet: boolean | undefined): void {
  if (!quiet && process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
}

import { emit } from './emit.js';
export { emit };

/**
 * The repository root CI systems resolve paths from: --sarif-root, else the top of the git work
 * tree holding the report's root, else the report's root.
 */
export function reportBaseRoot(report: Report, flag: string | undefined): string | undefined {
  if (flag !== undefined) return sarifRootDir(flag);
  if (!report.root) return undefined;
  for (let dir = report.root; ; ) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return report.root;
    dir = up;
  }
}

/** The report as the command line selected it (--rule, --skip-rule, --min-severity). */
export async function selectedReport(report: Report, values: ReportValues): Promise<Report> {
  const sel = await resolveSelection(values, report.rules.map((r) => r.id));
  return isEmptySelection(sel) ? report : selectReport(report, sel);
}

/** A report in the chosen format; pretty with --quiet lists open findings only. */
export async function renderReport(report: Report, format: Format, values: ReportValues): Promise<string> {
  const shown = values.quiet && format === 'pretty' ? { ...report, findings: report.findings.filter((f) => f.status === 'open') } : report;
  return renderLazily(shown, format, { color: useColor(values.output), root: reportBaseRoot(report, values['sarif-root']) });
}

/** The one line printed on stderr when the report went to a file (--output). */
export function outputSummary(report: Report, format: Format, output: string): string {
  return report.lang === 'ja'
    ? `honban ${report.command}: ${format} 形式のレポートを ${output} に書きました — ${summaryLine(report)} · 終了コード ${report.exitCode}\n`
    : `honban ${report.command}: wrote the ${format} report to ${output} — ${summaryLine(report)} · exit ${report.exitCode}\n`;
}

/**
 * Writes a report — the selection of --rule / --skip-rule / --min-severity applied, SARIF / GitHub /
 * GitLab paths re-based on the repository root — and returns the exit code it implies. With
 * --output, one summary line goes to stderr (unless --quiet). `prefix` is text shown before a
 * pretty report (e.g. env --explain).
 */
export async function emitReport(report: Report, format: Format, values: ReportValues, prefix = ''): Promise<number> {
  const shown = await selectedReport(report, values);
  clearProgress(values.quiet);
  await emit(prefix + (await renderReport(shown, format, values)), values.output);
  if (values.output && !values.quiet) process.stderr.write(outputSummary(shown, format, values.output));
  return shown.exitCode;
}
