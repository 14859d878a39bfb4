import { writeFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ENV_NAME_PATTERN } from '../config/schema.js';
import { UserError } from '../contracts/errors.js';
import { SEVERITIES, type FailOn, type Lang } from '../contracts/types.js';
import { FORMATS, render, type Format } from '../report/index.js';
import type { Report } from '../contracts/types.js';

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
} as const satisfies ParseArgsConfig['options'];

export type ParsedValues<O> = { [K in keyof O]?: O[K] extends { type: 'boolean'; multiple: true } ? boolean[] : O[K] extends { type: 'boolean' } ? boolean : O[K] extends { multiple: true } ? string[] : string };

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, command: string): { values: ParsedValues<O>; positionals: string[] } {
  let r: ReturnType<typeof parseArgs>;
  try {
    r = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option '(.*?)'.*$/s, "unknown option '$1'");
    throw new UserError(`${msg} (see honban ${command} --help)`);
  }
  // Environment names become parts of file names (`.env.<name>`): no empty, no path, no control characters.
  for (const flag of ['env', 'from', 'to']) {
    const v = (r.values as Record<string, unknown>)[flag];
    if (typeof v === 'string' && !ENV_NAME.test(v.trim())) {
      throw new UserError(v.trim() === '' ? `--${flag} needs an environment name (e.g. production), not an empty string` : `--${flag} must be an environment name (letters, digits, "_", "." and "-"), not ${JSON.stringify(v)}`);
    }
  }
  return { values: r.values as ParsedValues<O>, positionals: r.positionals };
}

const ENV_NAME = new RegExp(ENV_NAME_PATTERN);

/** Language: --lang, then honban.yml, then LC_ALL / LC_MESSAGES / LANG. */
export function resolveLang(flag: string | undefined, configured?: Lang): Lang {
  if (flag !== undefined) {
    if (flag !== 'en' && flag !== 'ja') throw new UserError(`--lang must be en or ja, not "${flag}"`);
    return flag;
  }
  if (configured) return configured;
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return env.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function resolveFormat(flag: string | undefined, allowed: readonly string[] = FORMATS): Format {
  const f = flag ?? 'pretty';
  if (!allowed.includes(f)) throw new UserError(`--format must be one of ${allowed.join(', ')}, not "${f}"`);
  return f as Format;
}

export function resolveFailOn(flag: string | undefined, configured?: FailOn): FailOn {
  const v = flag ?? configured ?? 'high';
  if (v !== 'none' && !(SEVERITIES as readonly string[]).includes(v)) {
    throw new UserError(`--fail-on must be one of ${[...SEVERITIES, 'none'].join(', ')}, not "${v}"`);
  }
  return v as FailOn;
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

export async function emit(text: string, output: string | undefined): Promise<void> {
  if (output) {
    try {
      await writeFile(output, text);
    } catch (e) {
      throw new UserError(`cannot write ${output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  } else {
    await new Promise<void>((resolve) => {
      if (process.stdout.write(text)) resolve();
      else process.stdout.once('drain', () => resolve());
    });
  }
}

/** A report in the chosen format; pretty with --quiet lists open findings only. */
export function renderReport(report: Report, format: Format, values: { quiet?: boolean; output?: string }): string {
  const shown = values.quiet && format === 'pretty' ? { ...report, findings: report.findings.filter((f) => f.status === 'open') } : report;
  return render(shown, format, { color: useColor(values.output) });
}

/** Writes a report (see renderReport); returns the exit code. */
export async function emitReport(report: Report, format: Format, values: { quiet?: boolean; output?: string }): Promise<number> {
  clearProgress(values.quiet);
  await emit(renderReport(report, format, values), values.output);
  return report.exitCode;
}
