import type { Finding, Report, ReportError } from '../contracts/types.js';
import { xmlText } from './escape.js';
import { displayPath } from './locations.js';
import { skipReasonText, t } from './text.js';

interface Case {
  name: string;
  classname: string;
  file?: string;
  line?: number;
  body: string;
  kind: 'failure' | 'skipped' | 'error';
}

function where(f: { file?: string; line?: number; column?: number }): string {
  if (!f.file) return '';
  return f.line ? `${f.file}:${f.line}:${f.column ?? 1}` : f.file;
}

/**
 * JUnit XML: a test suite per rule with findings, one test case per finding — open ones fail once,
 * suppressed / waived / baseline ones are skipped with their reason — and one suite for the problems
 * met while checking (unparseable files, failed rules), one error each. Every count is the number
 * of test cases of that kind, so CI summaries add up.
 */
export function formatJunit(report: Report, opts: { root?: string } = {}): string {
  const s = t(report.lang);
  // Paths as CI test reports resolve them: from the repository root.
  const rebase = <T extends { file?: string }>(x: T): T => (x.file ? { ...x, file: displayPath(x.file, report, opts.root ?? report.root) } : x);
  const titles = new Map(report.rules.map((r) => [r.id, r.title]));
  const byRule = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (!byRule.has(f.ruleId)) byRule.set(f.ruleId, []);
    byRule.get(f.ruleId)!.push(f);
  }
  const suites: { name: string; cases: Case[] }[] = [];
  for (const id of [...byRule.keys()].sort()) {
    const cases = byRule.get(id)!.map(rebase).map((f): Case => {
      const at = where(f);
      const name = `${at} ${f.message}`.trim();
      if (f.status === 'open') {
        return {
          name,
          classname: id,
          file: f.file,
          line: f.line,
          kind: 'failure',
                    // Each field escaped on its own (a file name cannot add a line); the body's own lines stay lines.
          body: `      <failure type="${xmlText(f.severity)}" message="${xmlText(f.message)}">${[at, `${s.severity[f.severity]} ${f.ruleId}`, f.message, `${s.fixLabel}: ${f.fix}`, `${s.documentation}: ${f.docsUrl}`].map(xmlText).join('\n')}</failure>`,
        };
      }
      const why = [s.status[f.status], f.statusReason ? `${s.reason}: ${f.statusReason}` : '', f.owner ? `${s.owner}: ${f.owner}` : '', f.until ? `${s.until}: ${f.until}` : ''].filter(Boolean).join('; ');
      return { name, classname: id, file: f.file, line: f.line, kind: 'skipped', body: `      <skipped message="${xmlText(why)}"/>` };
    });
    suites.push({ name: `${id}: ${titles.get(id) ?? id}`, cases });
  }
  if (report.errors.length) {
    suites.push({
      name: s.errorsSuite,
      cases: report.errors.map(rebase).map((e: ReportError): Case => {
        const at = where(e);
        const text = `${s.errorKind[e.kind]}: ${e.message}`;
        return { name: `${at} ${text}`.trim(), classname: e.ruleId ?? `honban.${e.kind}`, file: e.file, line: e.line, kind: 'error', body: `      <error type="${xmlText(e.kind)}" message="${xmlText(text)}">${[at, text].filter(Boolean).map(xmlText).join('\n')}</error>` };
      }),
    });
  }
  // honban host: checks that could not run here are skipped test cases (never passed, never failed).
  const notChecked = (Array.isArray(report.extra?.notChecked) ? report.extra!.notChecked : []) as { ruleId: string; title: string; reason: string }[];
  if (notChecked.length) {
    suites.push({
      name: s.notCheckedSuite,
      cases: notChecked.map((n): Case => ({ name: `${n.ruleId}: ${n.title}`, classname: n.ruleId, kind: 'skipped', body: `      <skipped message="${xmlText(n.reason)}"/>` })),
    });
  }
  // Files not read: skipped test cases, so a CI dashboard shows them instead of a green run.
  if (report.skipped?.length) {
    suites.push({
      name: s.notReadLabel,
      cases: report.skipped.map((k): Case => ({ name: k.path, classname: `honban.${report.command}.not-read`, kind: 'skipped', body: `      <skipped message="${xmlText(`${s.notReadLabel}: ${skipReasonText(k, report.lang)}`)}"/>` })),
    });
  }
  // A clean run is still one (empty) suite: some CI systems reject a report without any.
  if (!suites.length) suites.push({ name: `honban ${report.command} (${report.environment})`, cases: [] });
  const count = (cases: Case[], kind: Case['kind']) => cases.filter((c) => c.kind === kind).length;
  const all = suites.flatMap((x) => x.cases);
  const totals = `tests="${all.length}" failures="${count(all, 'failure')}" errors="${count(all, 'error')}" skipped="${count(all, 'skipped')}"`;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${xmlText(`honban ${report.command} (${report.environment})`)}" ${totals}>`];
  for (const suite of suites) {
    lines.push(`  <testsuite name="${xmlText(suite.name)}" tests="${suite.cases.length}" failures="${count(suite.cases, 'failure')}" errors="${count(suite.cases, 'error')}" skipped="${count(suite.cases, 'skipped')}">`);
    for (const c of suite.cases) {
      const attrs = `classname="${xmlText(c.classname)}" name="${xmlText(c.name)}"${c.file ? ` file="${xmlText(c.file)}"` : ''}${c.line ? ` line="${c.line}"` : ''}`;
      lines.push(`    <testcase ${attrs}>`, c.body, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
