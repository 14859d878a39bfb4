import { createHash } from 'node:crypto';
import type { Report, Severity } from '../contracts/types.js';
import { displayPath } from './locations.js';
import { t } from './text.js';

/** GitLab Code Quality severities: info, minor, major, critical, blocker. */
const SEVERITY: Record<Severity, string> = { critical: 'blocker', high: 'critical', medium: 'major', low: 'minor', info: 'info' };

export interface GitlabOptions {
  /** Absolute directory paths are relative to (the repository root, or --sarif-root). */
  root?: string;
}

/**
 * A GitLab Code Quality report (artifacts:reports:codequality): a JSON array with one issue per open
 * finding — description, check_name, fingerprint (unique per issue), severity, location.path (from
 * the repository root) and location.lines.begin.
 */
export function formatGitlab(report: Report, opts: GitlabOptions = {}): string {
  const s = t(report.lang);
  const root = opts.root ?? report.root;
  const seen = new Map<string, number>();
  const issues = report.findings
    .filter((f) => f.status === 'open')
    .map((f) => {
      // The content fingerprint is stable across line moves; two findings with the same content get
      // their occurrence number so that every issue's fingerprint is unique (GitLab requires it).
      const n = seen.get(f.fingerprint) ?? 0;
      seen.set(f.fingerprint, n + 1);
      const fingerprint = createHash('sha256').update(`${f.ruleId}\0${f.fingerprint}\0${n}`).digest('hex').slice(0, 32);
      return {
        type: 'issue',
        description: f.message,
        check_name: f.ruleId,
        fingerprint,
        severity: SEVERITY[f.severity],
        categories: ['Security'],
        content: { body: `${s.fixLabel}: ${f.fix}\n\n[${s.documentation}](${f.docsUrl})` },
        location: { path: displayPath(f.file, report, root), lines: { begin: f.line ?? 1 } },
      };
    });
  return JSON.stringify(issues, null, 2) + '\n';
}
