import type { Report } from '../contracts/types.js';
import { xmlText as esc } from './escape.js';
import { skipReasonText, t } from './text.js';

/** JUnit XML: one test case per rule that ran, one failure per open finding. */
export function formatJunit(report: Report): string {
  const byRule = new Map<string, typeof report.findings>();
  for (const f of report.findings) {
    if (f.status !== 'open') continue;
    if (!byRule.has(f.ruleId)) byRule.set(f.ruleId, []);
    byRule.get(f.ruleId)!.push(f);
  }
  const ids = [...new Set([...report.rules.map((r) => r.id), ...byRule.keys()])].sort();
  const titles = new Map(report.rules.map((r) => [r.id, r.title]));
  let failures = 0;
  const cases = ids.map((id) => {
    const fs = byRule.get(id) ?? [];
    const name = esc(`${id}: ${titles.get(id) ?? id}`);
    if (!fs.length) return `    <testcase classname="honban.${esc(report.command)}" name="${name}"/>`;
    failures += fs.length;
    const body = fs
      .map((f) => {
        const where = f.line ? `${f.file}:${f.line}:${f.column ?? 1}` : f.file;
        // Each field escaped on its own (a file name cannot add a line); the body's own lines stay lines.
        return `      <failure type="${esc(f.severity)}" message="${esc(`${where} ${f.message}`)}">${[where, `${f.severity} ${f.ruleId}`, f.message, `Fix: ${f.fix}`, f.docsUrl].map(esc).join('\n')}</failure>`;
      })
      .join('\n');
    return `    <testcase classname="honban.${esc(report.command)}" name="${name}">\n${body}\n    </testcase>`;
  });
  // honban host: checks that could not run here are skipped test cases (never passed, never failed).
  const notChecked = (Array.isArray(report.extra?.notChecked) ? report.extra!.notChecked : []) as { ruleId: string; title: string; reason: string }[];
  for (const n of notChecked) cases.push(`    <testcase classname="honban.${esc(report.command)}" name="${esc(`${n.ruleId}: ${n.title}`)}">\n      <skipped message="${esc(n.reason)}"/>\n    </testcase>`);
  // Files not read: skipped test cases, so a CI dashboard shows them instead of a green run.
  const notRead = report.skipped ?? [];
  for (const k of notRead) cases.push(`    <testcase classname="honban.${esc(report.command)}.not-read" name="${esc(k.path)}">\n      <skipped message="${esc(t(report.lang).notReadLabel)}: ${esc(skipReasonText(k, report.lang))}"/>\n    </testcase>`);
  const skippedCount = notChecked.length + notRead.length;
  const total = ids.length + skippedCount;
  const errs = report.errors.map((e) => `${e.file ? `${esc(e.file)}${e.line ? ':' + e.line : ''}: ` : ''}${esc(e.message)}`);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="honban" tests="${total}" failures="${failures}" errors="${report.errors.length}"${skippedCount ? ` skipped="${skippedCount}"` : ''}>`,
    `  <testsuite name="honban ${esc(report.command)} (${esc(report.environment)})" tests="${total}" failures="${failures}" errors="${report.errors.length}"${skippedCount ? ` skipped="${skippedCount}"` : ''}>`,
    ...cases,
    ...(errs.length ? [`    <system-err>${errs.join('\n')}</system-err>`] : []),
    '  </testsuite>',
    '</testsuites>',
    '',
  ];
  return lines.join('\n');
}
