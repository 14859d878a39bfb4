import type { Report, Severity } from '../core/types.js';
import { ghData, ghProperty } from './escape.js';
import { displayPath, locate } from './locations.js';
import { exitLine, summaryLine, t } from './text.js';

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
      props.push(`file=${ghProperty(where.rel)}`);
      if (f.line) {
        props.push(`line=${f.line}`);
        if (f.column) props.push(`col=${f.column}`);
        if (f.endLine) props.push(`endLine=${f.endLine}`);
        if (f.endColumn && (f.endLine ?? f.line) === f.line) props.push(`endColumn=${f.endColumn}`);
      }
    }
    props.push(`title=${ghProperty(`${f.ruleId}: ${titles.get(f.ruleId) ?? f.ruleId}`)}`);
    // Without a file in the repository (a URL, the process environment), the place leads the message.
    const place = where.kind === 'file' && where.rel !== undefined ? '' : `${displayPath(f.file, report, root)}${f.line ? `:${f.line}` : ''}: `;
    out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${ghData(`${place}${f.message}\n${s.fixLabel}: ${f.fix}\n${f.docsUrl}`)}`);
  }
  for (const e of report.errors) {
    const where = e.file ? locate(e.file, report, root) : undefined;
    const props = [where?.kind === 'file' && where.rel !== undefined ? `file=${ghProperty(where.rel)}` : '', where?.kind === 'file' && e.line ? `line=${e.line}` : '', `title=${ghProperty(`honban: ${s.errorKind[e.kind]}`)}`].filter(Boolean);
    out.push(`::warning ${props.join(',')}::${ghData(e.message)}`);
  }
  if (typeof report.extra?.headline === 'string') out.push(report.extra.headline);
  out.push(`honban ${report.command}: ${summaryLine(report)}`, exitLine(report));
  return out.join('\n') + '\n';
}
