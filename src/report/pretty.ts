import type { Finding, Report, Severity } from '../contracts/types.js';
import { escapeControl, escapeControl as x } from './escape.js';
import { dateText, orderedItems, readinessExitLine, rt, statusText } from './readiness.js';
import { exitLine, scannedKind, skipReasonText, summaryLine, t } from './text.js';

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
  if (report.readiness) out.push(...readinessLines(report, c));
  // Findings by file (and, in honban check, by the part that found them).
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const k = `${f.source ?? ''}\0${f.file}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(f);
  }
  const sevWidth = Math.max(...(Object.values(s.severity) as string[]).map((x) => width(x)));
  for (const [, fs] of groups) {
    const file = fs[0]!.file;
    out.push(c(UNDERLINE, x(file)) + (fs[0]!.source ? c(DIM, ` (${fs[0]!.source})`) : ''));
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
  out.push(`${mark} ${summaryLine(report)} · ${s.scanned(report.scanned, scannedKind(report.command))} · ${s.env}: ${report.environment}`);
  out.push(readinessExitLine(report) ?? exitLine(report));
  return out.join('\n') + '\n';
}

const VERDICT_COLOR = { ready: '\x1b[1;32m', 'ready-with-waivers': '\x1b[1;33m', 'not-ready': '\x1b[1;41;97m' } as const;
const STATE_COLOR = { open: '\x1b[31m', waived: '\x1b[33m', met: '\x1b[32m' } as const;

/** The verdict, why, and the checklist table (priority, item, status, owner, date) — before the findings. */
function readinessLines(report: Report, c: (code: string, text: string) => string): string[] {
  const r = report.readiness!;
  const x = rt(report.lang);
  const out: string[] = [];
  out.push(`${c(BOLD, x.title)}: ${c(VERDICT_COLOR[r.verdict], ` ${x.verdict[r.verdict]} `)}${r.commit ? c(DIM, `  ${x.commit} ${r.commit.slice(0, 12)}${r.branch ? ` (${r.branch})` : ''}`) : ''}`);
  const e = escapeControl;
  for (const reason of r.reasons) out.push(`  - ${e(reason)}`);
  out.push('');
  if (!r.items.length) out.push(c(DIM, x.noChecklist), '');
  else {
    const rows = orderedItems(r).map((i) => ({ i, cells: [i.priority, e(i.title), statusText(i, report.lang), e(i.owner ?? '-'), e(dateText(i, report.lang) || '-')] }));
    const widths = x.cols.map((h, k) => Math.min(k === 1 ? 56 : 24, Math.max(width(h), ...rows.map((row) => width(row.cells[k]!)))));
    out.push(c(BOLD, x.cols.map((h, k) => pad(h, widths[k]!)).join('  ').trimEnd()));
    for (const { i, cells } of rows) {
      const shown = cells.map((v, k) => pad(clip(v, widths[k]!), widths[k]!));
      shown[2] = c(STATE_COLOR[i.state], shown[2]!);
      out.push(shown.join('  ').trimEnd());
      const sub = [i.kind === 'automated' && i.checks ? i.checks.join(', ') : '', i.note ?? '', i.reason && i.state !== 'open' ? i.reason : ''].filter(Boolean).join(' · ');
      if (sub) out.push(c(DIM, `${' '.repeat(widths[0]! + 2)}${e(sub)}`));
    }
    out.push('');
  }
  const parts = r.sources.map((p) => `${p.source}: ${p.ran ? (p.target ?? x.ran) : `${p.failed ? x.failed : x.skipped} (${p.note ?? ''})`}`);
  out.push(c(DIM, e(`${x.sources}: ${parts.join(' · ')}`)));
  out.push(c(DIM, r.runId !== undefined && r.store ? x.stored(r.runId, r.store) : x.notStored), '');
  return out;
}

function clip(text: string, n: number): string {
  if (width(text) <= n) return text;
  let out = '';
  for (const ch of text) {
    if (width(out + ch) > n - 1) break;
    out += ch;
  }
  return out + '…';
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
