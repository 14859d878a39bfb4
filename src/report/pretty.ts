import type { Finding, Report, Severity } from '../contracts/types.js';
import { escapeControl as x } from './escape.js';
import { exitLine, skipReasonText, summaryLine, t } from './text.js';

export interface PrettyOptions {
  /** ANSI colours (only on a TTY, never with NO_COLOR). */
  color: boolean;
}

const SEV_COLOR: Record<Severity, string> = { critical: '\x1b[1;41;97m', high: '\x1b[1;31m', medium: '\x1b[33m', low: '\x1b[36m', info: '\x1b[2m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const UNDERLINE = '\x1b[4m';

/**
 * Human output: grouped by file, a summary line and the exit reason. Every string that comes from
 * outside honban (file names, messages naming keys and paths, reasons, owners) goes through
 * escapeControl: a file name cannot print a line of its own or move the cursor.
 */
export function formatPretty(report: Report, opts: PrettyOptions = { color: false }): string {
  const s = t(report.lang);
  const c = (code: string, text: string) => (opts.color ? `${code}${text}${RESET}` : text);
  const out: string[] = [];
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (!groups.has(f.file)) groups.set(f.file, []);
    groups.get(f.file)!.push(f);
  }
  const sevWidth = Math.max(...(Object.values(s.severity) as string[]).map((x) => width(x)));
  for (const [file, fs] of groups) {
    out.push(c(UNDERLINE, x(file)));
    for (const f of fs) {
      const pos = f.line ? `${f.line}:${f.column ?? 1}` : '-';
      const sev = pad(s.severity[f.severity], sevWidth);
      const status = f.status === 'open' ? '' : c(DIM, ` [${f.status === 'waived' ? s.waivedBy : f.status === 'suppressed' ? s.suppressedBy : s.baselineBy}${f.statusReason ? ': ' + x(f.statusReason) : ''}${f.owner ? `, ${s.owner}: ${x(f.owner)}` : ''}${f.until ? `, ${s.until}: ${x(f.until)}` : ''}]`);
      const line = `  ${pad(pos, 7)} ${c(SEV_COLOR[f.severity], sev)}  ${x(f.message)}  ${c(DIM, f.ruleId)}${status}`;
      out.push(f.status === 'open' ? line : c(DIM, line));
      if (f.status === 'open') {
        if (f.statusReason) out.push(`  ${' '.repeat(7)} ${' '.repeat(sevWidth)}  ${c(BOLD, '! ' + x(f.statusReason))}`);
        out.push(`  ${' '.repeat(7)} ${' '.repeat(sevWidth)}  ${c(DIM, `${s.fix}: ${x(f.fix)}`)}`);
      }
    }
    out.push('');
  }
  if (report.errors.length) {
    out.push(c(BOLD, s.problems));
    for (const e of report.errors) out.push(`  ${e.file ? `${x(e.file)}${e.line ? ':' + e.line : ''}: ` : ''}${x(e.message)}`);
    out.push('');
  }
  // honban host: checks that could not run here (never passed, never findings), files not read.
  const notChecked = report.extra?.notChecked as { ruleId: string; title: string; reason: string }[] | undefined;
  if (Array.isArray(notChecked) && notChecked.length) {
    out.push(c(BOLD, report.lang === 'ja' ? '未確認 (この環境では確認できないチェック)' : 'Not checked (these checks could not run here)'));
    for (const n of notChecked) out.push(`  ${c(DIM, x(n.ruleId))}  ${x(n.title)} — ${x(n.reason)}`);
    out.push('');
  }
  // Files not read (every command): nothing is skipped silently.
  const skipped = report.skipped ?? [];
  if (skipped.length) {
    out.push(c(BOLD, s.notRead(skipped.length)));
    for (const k of skipped) out.push(`  ${x(k.path)}: ${skipReasonText(k, report.lang)}`);
    out.push('');
  }
  // Command-specific headline (e.g. the probe's grade), when the command put one in `extra`.
  if (typeof report.extra?.headline === 'string') out.push(c(BOLD, x(report.extra.headline)));
  const mark = report.statusCounts.open ? (report.exitCode ? c(SEV_COLOR.high, '✖') : c(SEV_COLOR.medium, '!')) : c('\x1b[32m', '✔');
  const what = report.command === 'scan' ? s.files : report.command === 'env' ? s.variables : s.checks;
  out.push(`${mark} ${summaryLine(report)} · ${s.scanned(report.scanned, what)} · ${s.env}: ${report.environment}`);
  out.push(exitLine(report));
  return out.join('\n') + '\n';
}

/** Display width (CJK characters take two columns). */
export function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, n: number): string {
  return text + ' '.repeat(Math.max(0, n - width(text)));
}
