import type { Report } from '../core/types.js';

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

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
        return `      <failure type="${esc(f.severity)}" message="${esc(`${where} ${f.message}`)}">${esc(`${where}\n${f.severity} ${f.ruleId}\n${f.message}\nFix: ${f.fix}\n${f.docsUrl}`)}</failure>`;
      })
      .join('\n');
    return `    <testcase classname="honban.${esc(report.command)}" name="${name}">\n${body}\n    </testcase>`;
  });
  // honban host: checks that could not run here are skipped test cases (never passed, never failed).
  const notChecked = (Array.isArray(report.extra?.notChecked) ? report.extra!.notChecked : []) as { ruleId: string; title: string; reason: string }[];
  for (const n of notChecked) cases.push(`    <testcase classname="honban.${esc(report.command)}" name="${esc(`${n.ruleId}: ${n.title}`)}">\n      <skipped message="${esc(n.reason)}"/>\n    </testcase>`);
  const total = ids.length + notChecked.length;
  const errs = report.errors.map((e) => `${e.file ? `${e.file}${e.line ? ':' + e.line : ''}: ` : ''}${e.message}`);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="honban" tests="${total}" failures="${failures}" errors="${report.errors.length}"${notChecked.length ? ` skipped="${notChecked.length}"` : ''}>`,
    `  <testsuite name="honban ${esc(report.command)} (${esc(report.environment)})" tests="${total}" failures="${failures}" errors="${report.errors.length}"${notChecked.length ? ` skipped="${notChecked.length}"` : ''}>`,
    ...cases,
    ...(errs.length ? [`    <system-err>${esc(errs.join('\n'))}</system-err>`] : []),
    '  </testsuite>',
    '</testsuites>',
    '',
  ];
  return lines.join('\n');
}
