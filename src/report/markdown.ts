import type { Report } from '../contracts/types.js';
import { markdownCode, markdownText } from './escape.js';
import { dateText, orderedItems, readinessExitLine, rt, statusText } from './readiness.js';
import { displayPath } from './locations.js';
import { exitLine, skipReasonText, summaryLine, t } from './text.js';

const ICON: Record<string, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', info: '⬜' };
const MAX_ROWS = 200;

/** A table cell / list item from data: control characters escaped (a file name cannot start a new row), HTML neutralized outside code spans. */
const cell = markdownText;

/** A Markdown table for a pull-request comment. */
export function formatMarkdown(report: Report, opts: { root?: string } = {}): string {
  const s = t(report.lang);
  const where = (file: string) => displayPath(file, report, opts.root ?? report.root);
  const open = report.findings.filter((f) => f.status === 'open');
  const lines: string[] = [];
  lines.push(`### ${s.mdTitle} — ${markdownCode(report.command)} (${s.env}: ${markdownCode(report.environment)})`);
  lines.push('');
  // Command-specific headline (e.g. the probe's grade).
  if (typeof report.extra?.headline === 'string') lines.push(`**${cell(report.extra.headline)}**`, '');
  if (report.readiness) lines.push(...readinessMarkdown(report));
  lines.push(`**${summaryLine(report)}**`);
  lines.push('');
  if (open.length) {
    lines.push(`| ${s.mdCols.join(' | ')} |`);
    lines.push(`|${s.mdCols.map(() => '---').join('|')}|`);
    for (const f of open.slice(0, MAX_ROWS)) {
      const loc = markdownCode(f.line ? `${where(f.file)}:${f.line}` : where(f.file)) + (f.source ? ` (${f.source})` : '');
      lines.push(`| ${ICON[f.severity]} ${s.severity[f.severity]} | [${markdownCode(f.ruleId)}](${f.docsUrl}) | ${loc} | ${cell(f.message)} | ${cell(f.fix)} |`);
    }
    if (open.length > MAX_ROWS) lines.push('', `_${s.mdHidden(open.length - MAX_ROWS)}_`);
    lines.push('');
  }
  const notChecked = report.extra?.notChecked as { ruleId: string; title: string; reason: string }[] | undefined;
  if (Array.isArray(notChecked) && notChecked.length) {
    lines.push(`<details><summary>${report.lang === 'ja' ? `未確認 ${notChecked.length} 件` : `${notChecked.length} not checked`}</summary>`, '');
    for (const n of notChecked) lines.push(`- \`${n.ruleId}\` ${cell(n.title)} — ${cell(n.reason)}`);
    lines.push('', '</details>', '');
  }
  const other = report.findings.filter((f) => f.status !== 'open');
  if (other.length) {
    lines.push('<details><summary>' + [report.statusCounts.suppressed ? s.suppressed(report.statusCounts.suppressed) : '', report.statusCounts.waived ? s.waived(report.statusCounts.waived) : '', report.statusCounts.baseline ? s.baseline(report.statusCounts.baseline) : ''].filter(Boolean).join(' · ') + '</summary>', '');
    for (const f of other) {
      const who = f.owner ? ` (${s.owner}: ${f.owner}${f.until ? `, ${s.until}: ${f.until}` : ''})` : '';
      lines.push(`- ${markdownCode(f.ruleId)} ${markdownCode(`${where(f.file)}${f.line ? ':' + f.line : ''}`)} — ${s.status[f.status]}: ${cell(f.statusReason ?? '')}${cell(who)}`);
    }
    lines.push('', '</details>', '');
  }
  if (report.errors.length) {
    lines.push(`**${s.problems}**`, '');
    for (const e of report.errors) lines.push(`- ${e.file ? `${markdownCode(`${where(e.file)}${e.line ? ':' + e.line : ''}`)} ` : ''}${s.errorKind[e.kind]}: ${cell(e.message)}`);
    lines.push('');
  }
  if (report.skipped?.length) {
    lines.push(`<details><summary>${cell(s.notRead(report.skipped.length))}</summary>`, '');
    for (const k of report.skipped) lines.push(`- ${markdownCode(k.path)} — ${cell(skipReasonText(k, report.lang))}`);
    lines.push('', '</details>', '');
  }
  lines.push(`_${readinessExitLine(report) ?? exitLine(report)}_`, '');
  return lines.join('\n');
}

const STATE_ICON = { met: '✅', waived: '⚠️', open: '📋' } as const;
const VERDICT_ICON = { ready: '✅', 'ready-with-waivers': '⚠️', 'not-ready': '🚨' } as const;

/** The seed-004 style table: priority, item, status, owner, date — open P0 items first. */
function readinessMarkdown(report: Report): string[] {
  const r = report.readiness!;
  const x = rt(report.lang);
  const out = [`## ${VERDICT_ICON[r.verdict]} ${x.title}: **${x.verdict[r.verdict]}**`, ''];
  for (const reason of r.reasons) out.push(`- ${cell(reason)}`);
  out.push('');
  if (!r.items.length) return out.concat(`_${x.noChecklist}_`, '');
  out.push(`| ${x.cols.join(' | ')} |`, `|${x.cols.map(() => '---').join('|')}|`);
  for (const i of orderedItems(r)) {
    const icon = i.state === 'open' && i.priority === 'P0' ? '🚨' : STATE_ICON[i.state];
    const title = i.state === 'open' ? `**${cell(i.title)}**` : cell(i.title);
    const sub = [i.note, i.state !== 'open' ? i.reason : undefined].filter(Boolean).join(' · ');
    out.push(`| ${icon} ${i.priority} | ${title}${sub ? `<br><sub>${cell(sub)}</sub>` : ''} | **${cell(statusText(i, report.lang))}** | ${cell(i.owner ?? '')} | ${cell(dateText(i, report.lang))} |`);
  }
  out.push('');
  return out;
}
