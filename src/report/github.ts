import type { Report, Severity } from '../contracts/types.js';
import { annotationText, escapeControl } from './escape.js';
import { displayPath, locate } from './locations.js';
import { exitLine, skipReasonText, summaryLine, t } from './text.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { critical: 'error', high: 'error', medium: 'warning', low: 'notice', info: 'notice' };

export interface GithubOptions {
  /** Absolute directory annotation paths are relative to (the repository root, or --sarif-root). */
  root?: string;
}

/**
 * GitHub Actions workflow commands: one annotation per open finding
 * (`::error file=…,line=…,col=…,title=…::message`), a warning per problem met while checking, and
 * the summary as plain log lines. Suppressed, waived and baseline findings are not annotated.
 */
export function formatGithub(report: Report, opts: GithubOptions = {}): string {
  const s = t(report.lang);
  const root = opts.root ?? report.root;
  const titles = new Map(report.rules.map((r) => [r.id, r.title]));
  const out: string[] = [];
  for (const f of report.findings) {
    if (f.status !== 'open') continue;
    const props: string[] = [];
    const where = locate(f.file, report, root);
    if (where.kind === 'file' && where.rel !== undefined) {
      props.push(`file=${annotationText(where.rel, true)}`);
      if (f.line) {
        props.push(`line=${f.line}`);
        if (f.column) props.push(`col=${f.column}`);
        if (f.endLine) props.push(`endLine=${f.endLine}`);
        if (f.endColumn && (f.endLine ?? f.line) === f.line) props.push(`endColumn=${f.endColumn}`);
      }
    }
    props.push(`title=${annotationText(`${f.ruleId}: ${titles.get(f.ruleId) ?? f.ruleId}`, true)}`);
    // Without a file in the repository (a URL, the process environment), the place leads the message.
    const place = where.kind === 'file' && where.rel !== undefined ? '' : `${displayPath(f.file, report, root)}${f.line ? `:${f.line}` : ''}: `;
    out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${annotationText(`${place}${f.message}\n${s.fixLabel}: ${f.fix}\n${f.docsUrl}`)}`);
  }
  for (const e of report.errors) {
    const where = e.file ? locate(e.file, report, root) : undefined;
    const props = [where?.kind === 'file' && where.rel !== undefined ? `file=${annotationText(where.rel, true)}` : '', where?.kind === 'file' && e.line ? `line=${e.line}` : '', `title=${annotationText(`honban: ${s.errorKind[e.kind]}`, true)}`].filter(Boolean);
    out.push(`::warning ${props.join(',')}::${annotationText(e.message)}`);
  }
  // Files not read: a warning each, on the file when it lies in the repository.
  for (const k of report.skipped ?? []) {
    const where = locate(k.path.replace(/\/$/, ''), report, root);
    const file = where.kind === 'file' && where.rel !== undefined ? `file=${annotationText(where.rel, true)},` : '';
    const place = file ? '' : `${k.path}: `;
    out.push(`::warning ${file}title=${annotationText(`honban: ${s.notReadLabel}`, true)}::${annotationText(`${place}${skipReasonText(k, report.lang)}`)}`);
  }
  if (typeof report.extra?.headline === 'string') out.push(escapeControl(report.extra.headline));
  out.push(`honban ${report.command}: ${summaryLine(report)}`, exitLine(report));
  return out.join('\n') + '\n';
}
