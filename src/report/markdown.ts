import type { Report } from '../contracts/types.js';
import { markdownCode, markdownText } from './escape.js';
import { exitLine, skipReasonText, summaryLine, t } from './text.js';

const ICON: Record<string, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', info: '⬜' };
const MAX_ROWS = 200;

/** A table cell / list item from data: control characters escaped (a file name cannot start a new row), HTML neutralized. */
const cell = markdownText;

/** A Markdown table for a pull-request comment. */
export function formatMarkdown(report: Report): string {
  const s = t(report.lang);
  const open = report.findings.filter((f) => f.status === 'open');
  const lines: string[] = [];
  lines.push(`### ${s.mdTitle} — \`${report.command}\` (${s.env}: \`${report.environment}\`)`);
  lines.push('');
  // Command-specific headline (e.g. the probe's grade).
  if (typeof report.extra?.headline === 'string') lines.push(`**${cell(report.extra.headline)}**`, '');
  lines.push(`**${summaryLine(report)}**`);
  lines.push('');
  if (open.length) {
    lines.push(`| ${s.mdCols.join(' | ')} |`);
    lines.push(`|${s.mdCols.map(() => '---').join('|')}|`);
    for (const f of open.slice(0, MAX_ROWS)) {
      const loc = markdownCode(f.line ? `${f.file}:${f.line}` : f.file);
      lines.push(`| ${ICON[f.severity]} ${s.severity[f.severity]} | [\`${f.ruleId}\`](${f.docsUrl}) | ${loc} | ${cell(f.message)} | ${cell(f.fix)} |`);
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
      const who = f.owner ? ` (${s.owner}: ${cell(f.owner)}${f.until ? `, ${s.until}: ${cell(f.until)}` : ''})` : '';
      lines.push(`- \`${f.ruleId}\` ${markdownCode(`${f.file}${f.line ? ':' + f.line : ''}`)} — ${f.status}: ${cell(f.statusReason ?? '')}${who}`);
    }
    lines.push('', '</details>', '');
  }
  if (report.errors.length) {
    lines.push(`**${s.problems}**`, '');
    for (const e of report.errors) lines.push(`- ${e.file ? `${markdownCode(`${e.file}${e.line ? ':' + e.line : ''}`)} ` : ''}${cell(e.message)}`);
    lines.push('');
  }
  if (report.skipped?.length) {
    lines.push(`<details><summary>${cell(s.notRead(report.skipped.length))}</summary>`, '');
    for (const k of report.skipped) lines.push(`- ${markdownCode(k.path)} — ${cell(skipReasonText(k, report.lang))}`);
    lines.push('', '</details>', '');
  }
  lines.push(`_${exitLine(report)}_`, '');
  return lines.join('\n');
}
