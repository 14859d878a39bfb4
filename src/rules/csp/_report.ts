/** Reports csp_evaluator issues of the judged page (shared by the csp/* rules). */
import type { CspIssue } from '../../lib/csp.js';
import type { ProbeResponse } from '../../facts/probe.js';
import { evaluateCsp, judgedPage, mainPage } from '../../facts/probe-queries.js';

/** Runs csp_evaluator on the judged page and reports each issue `pick` selects, once per (policy, directive, value). */
export async function reportCsp(
  responses: readonly ProbeResponse[],
  report: (input: { file: string; message: { en: string; ja: string }; evidence?: string; severity?: 'critical' | 'high' | 'medium' | 'low' | 'info' }) => void,
  pick: (i: CspIssue) => boolean,
  message: (i: CspIssue) => { en: string; ja: string; severity?: 'critical' | 'high' | 'medium' | 'low' | 'info' } | undefined,
): Promise<void> {
  const p = judgedPage(responses) ?? mainPage(responses);
  if (!p) return;
  const seen = new Set<string>();
  for (const { policy, issues } of await evaluateCsp(p)) {
    for (const i of issues.filter(pick)) {
      const key = `${i.type}\0${i.directive}\0${i.value ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const m = message(i);
      if (!m) continue;
      report({ file: p.url, message: { en: m.en, ja: m.ja }, ...(m.severity ? { severity: m.severity } : {}), evidence: `Content-Security-Policy: ${policy}`.slice(0, 200) });
    }
  }
}
