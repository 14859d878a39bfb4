import { ruleIdMatches } from '../lib/rule-glob.js';
import { SEVERITIES, type FindingStatus, type Report, type Severity, type Summary } from '../contracts/types.js';
import { failsAt } from '../engine/report.js';

/** Rule and severity selection from the command line (`--rule`, `--skip-rule`, `--min-severity`). */
export interface Selection {
  /** Keep only findings of rules matching one of these patterns. */
  rules?: readonly string[];
  /** Drop findings of rules matching one of these patterns. */
  skip?: readonly string[];
  /** Drop findings below this severity. */
  minSeverity?: Severity;
}

const RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

export function selects(sel: Selection, ruleId: string, severity?: Severity): boolean {
  if (sel.rules?.length && !sel.rules.some((p) => ruleIdMatches(p, ruleId))) return false;
  if (sel.skip?.some((p) => ruleIdMatches(p, ruleId))) return false;
  if (severity && sel.minSeverity && RANK[severity] > RANK[sel.minSeverity]) return false;
  return true;
}

export function isEmptySelection(sel: Selection): boolean {
  return !sel.rules?.length && !sel.skip?.length && !sel.minSeverity;
}

/**
 * The report restricted to the selected rules and severities: findings, the rules listed, the
 * counts and the exit code all follow. Errors of a rule left out are left out too.
 */
export function selectReport(report: Report, sel: Selection): Report {
  if (isEmptySelection(sel)) return report;
  const findings = report.findings.filter((f) => selects(sel, f.ruleId, f.severity));
  const summary: Summary = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  const statusCounts: Record<FindingStatus, number> = { open: 0, suppressed: 0, waived: 0, baseline: 0 };
  for (const f of findings) {
    statusCounts[f.status]++;
    if (f.status === 'open') summary[f.severity]++;
  }
  const failing = findings.some((f) => f.status === 'open' && failsAt(f.severity, report.failOn));
  return {
    ...report,
    findings,
    summary,
    statusCounts,
    rules: report.rules.filter((r) => selects({ rules: sel.rules, skip: sel.skip }, r.id)),
    errors: report.errors.filter((e) => !e.ruleId || selects({ rules: sel.rules, skip: sel.skip }, e.ruleId)),
    exitCode: report.exitCode === 2 ? 2 : failing ? 1 : 0,
  };
}
