import { docsUrlOf } from '../rules/define.js';
import { SEVERITIES, type EnvName, type FailOn, type Finding, type FindingStatus, type Lang, type RawFinding, type Report, type ReportError, type Rule, type Severity, type Skipped, type Summary } from '../contracts/types.js';
import type { SecretMasker } from './post/mask.js';
import { VERSION } from '../contracts/version.js';

export interface BuildInput {
  command: string;
  target: string[];
  root?: string;
  baselineApplied?: boolean;
  environment: EnvName;
  lang: Lang;
  failOn: FailOn;
  findings: RawFinding[];
  errors: ReportError[];
  rules: readonly Rule<any>[];
  scanned: number;
  skipped?: Skipped[];
  masker: SecretMasker;
  severities?: Record<string, Severity>;
  extra?: Record<string, unknown>;
}

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** Does an open finding of `severity` fail the run under `failOn`? */
export function failsAt(severity: Severity, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return RANK[severity] <= RANK[failOn];
}

export function localizeFinding(f: RawFinding, lang: Lang, docsUrl: string = docsUrlOf(f.ruleId)): Finding {
  const out: Finding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message[lang],
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    status: f.status,
    statusReason: f.statusReason,
    owner: f.owner,
    until: f.until,
    fix: f.fix[lang],
    docsUrl,
    evidence: f.evidence,
    key: f.key,
    fingerprint: f.fingerprint,
  };
  for (const k of Object.keys(out) as (keyof Finding)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** Builds the one versioned Report object every reporter renders. */
export function buildReport(input: BuildInput): Report {
  const summary: Summary = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  const statusCounts: Record<FindingStatus, number> = { open: 0, suppressed: 0, waived: 0, baseline: 0 };
  for (const f of input.findings) {
    statusCounts[f.status]++;
    if (f.status === 'open') summary[f.severity]++;
  }
  const failing = input.findings.some((f) => f.status === 'open' && failsAt(f.severity, input.failOn));
  const ruleIds = new Set(input.rules.map((r) => r.id));
  // Plugin rules carry their own documentation link.
  const docsOf = new Map(input.rules.map((r) => [r.id, r.docsUrl ?? docsUrlOf(r.id)]));
  // Findings made by the engine itself (e.g. honban/ignore-without-reason) need their rule listed too.
  const rules = [...input.rules];
  for (const f of input.findings) if (!ruleIds.has(f.ruleId)) ruleIds.add(f.ruleId);
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'honban', version: VERSION },
    command: input.command,
    target: input.target,
    ...(input.root ? { root: input.root } : {}),
    ...(input.baselineApplied ? { baselineApplied: true } : {}),
    environment: input.environment,
    lang: input.lang,
    failOn: input.failOn,
    findings: input.findings.map((f) => localizeFinding(f, input.lang, docsOf.get(f.ruleId))),
    summary,
    statusCounts,
    errors: input.errors.map((e) => ({ ...e, message: input.masker.mask(e.message) })),
    skipped: input.skipped ?? [],
    rules: rules
      .map((r) => ({
        id: r.id,
        severity: input.severities?.[r.id] ?? r.severity,
        title: r.title[input.lang],
        description: r.description[input.lang],
        fix: r.fix[input.lang],
        docsUrl: r.docsUrl ?? docsUrlOf(r.id),
        ...(r.references ? { references: r.references } : {}),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    scanned: input.scanned,
    exitCode: failing ? 1 : 0,
    ...(input.extra ? { extra: input.extra } : {}),
  };
  // Final pass: no registered secret survives in findings, errors or extra data. (Rule metadata
  // is static text from honban's code and holds no scanned value.)
  return { ...report, findings: input.masker.maskDeep(report.findings), errors: input.masker.maskDeep(report.errors), ...(report.extra ? { extra: input.masker.maskDeep(report.extra) } : {}) };
}

export { SEVERITIES };
