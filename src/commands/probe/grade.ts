/**
 * The probe's grade, A+ … F (documented in docs/probe.md).
 *
 * Only open findings count (suppressed, waived and baseline findings do not). Each rule counts once,
 * at the highest severity it reported: a site with ten cookies without `Secure` has one problem.
 *
 *   score  = 100 − Σ points(rule)   points: critical 100, high 20, medium 8, low 2, info 0
 *   letter = A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else F
 *   A+     = A, and no open finding above low
 *   caps   = any critical finding → F; plain HTTP (http/not-https) → F;
 *            TLS 1.0 / 1.1 accepted (tls/old-protocol) → at most B;
 *            no redirect from plain HTTP (http/missing-redirect at high) → at most B;
 *            a redirect loop (http/redirect-loop): no page is ever served → F
 */
import type { Finding, Lang, Severity } from '../../contracts/types.js';

export const GRADES = ['A+', 'A', 'B', 'C', 'D', 'F'] as const;
export type Grade = (typeof GRADES)[number];

export const POINTS: Record<Severity, number> = { critical: 100, high: 20, medium: 8, low: 2, info: 0 };
const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** Rules that cap the grade whatever the score. */
export const CAPS: { rule: string; grade: Grade; minSeverity?: Severity }[] = [
  { rule: 'http/not-https', grade: 'F' },
  { rule: 'tls/old-protocol', grade: 'B' },
  { rule: 'http/missing-redirect', grade: 'B', minSeverity: 'high' },
  { rule: 'http/redirect-loop', grade: 'F' },
];

export interface GradeResult {
  grade: Grade;
  score: number;
  /** Why the grade is lower than the score alone would give. */
  caps: { rule: string; grade: Grade }[];
  /** Points taken off, per rule. */
  deductions: { rule: string; severity: Severity; points: number }[];
}

function letter(score: number): Grade {
  return score >= 90 ? 'A' : score >= 75 ? 'B' : score >= 60 ? 'C' : score >= 40 ? 'D' : 'F';
}

function worse(a: Grade, b: Grade): Grade {
  return GRADES.indexOf(a) >= GRADES.indexOf(b) ? a : b;
}

export function gradeOf(findings: readonly Pick<Finding, 'ruleId' | 'severity' | 'status'>[]): GradeResult {
  const byRule = new Map<string, Severity>();
  for (const f of findings) {
    if (f.status !== 'open') continue;
    const prev = byRule.get(f.ruleId);
    if (!prev || RANK[f.severity] < RANK[prev]) byRule.set(f.ruleId, f.severity);
  }
  const deductions = [...byRule]
    .map(([rule, severity]) => ({ rule, severity, points: POINTS[severity] }))
    .filter((d) => d.points > 0)
    .sort((a, b) => b.points - a.points || (a.rule < b.rule ? -1 : 1));
  const score = Math.max(0, 100 - deductions.reduce((s, d) => s + d.points, 0));
  let grade = letter(score);
  const worst = [...byRule.values()].reduce<Severity>((w, s) => (RANK[s] < RANK[w] ? s : w), 'info');
  if (grade === 'A' && RANK[worst] >= RANK.low) grade = 'A+';
  const caps: GradeResult['caps'] = [];
  if (worst === 'critical') {
    const rule = [...byRule].find(([, s]) => s === 'critical')![0];
    caps.push({ rule, grade: 'F' });
  }
  for (const c of CAPS) {
    const sev = byRule.get(c.rule);
    if (sev && (!c.minSeverity || RANK[sev] <= RANK[c.minSeverity])) caps.push({ rule: c.rule, grade: c.grade });
  }
  for (const c of caps) grade = worse(grade, c.grade);
  return { grade, score, caps, deductions };
}

/** One line for the pretty report. */
export function headline(g: GradeResult, lang: Lang, timing: { totalMs: number; replayed?: string }): string {
  const secs = (timing.totalMs / 1000).toFixed(1);
  const capped = g.caps.filter((c) => c.grade !== 'A+' && c.grade !== 'A');
  if (lang === 'ja') {
    const cap = capped.length ? `（${capped.map((c) => `${c.rule} により ${c.grade} 以下`).join('、')}）` : '';
    const when = timing.replayed ? ` · 保存済みファクト ${timing.replayed} から再評価` : ` · ${secs} 秒`;
    return `評価: ${g.grade}  (${g.score}/100)${cap}${when}`;
  }
  const cap = capped.length ? ` (capped: ${capped.map((c) => `${c.rule} → ${c.grade}`).join(', ')})` : '';
  const when = timing.replayed ? ` · replayed from ${timing.replayed}` : ` · ${secs} s`;
  return `Grade: ${g.grade}  (${g.score}/100)${cap}${when}`;
}
