import type { Finding, Report, Severity } from '../contracts/types.js';
import { pathToFileURL } from 'node:url';
import { locate, relUri } from './locations.js';
import { skipReasonText, t } from './text.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub code scanning reads `security-severity` (0–10) to rank results. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.5' };

export interface SarifOptions {
  /**
   * Absolute directory artifact URIs are relative to (`%SRCROOT%`): the git repository's top
   * directory, or --sarif-root. Code scanning resolves relative URIs from the repository root.
   */
  root?: string;
}

/** `%SRCROOT%`'s URI: a file:// URL ending in "/". */
function dirUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}

function locationOf(f: Finding, report: Report, root: string | undefined): Record<string, unknown> {
  const where = locate(f.file, report, root);
  const region: Record<string, number> = {};
  if (f.line) {
    region.startLine = f.line;
    if (f.column) region.startColumn = f.column;
    if (f.endLine) region.endLine = f.endLine;
    if (f.endColumn) region.endColumn = f.endColumn;
  }
  const logical: Record<string, string>[] = [];
  if (where.kind === 'url') {
    // A live check: the URL is a logical location (a resource of the site), not an artifact.
    let name = where.url;
    try {
      const u = new URL(where.url);
      name = u.pathname + u.search || '/';
    } catch {
      // keep the whole string
    }
    logical.push({ name, fullyQualifiedName: where.url, kind: 'resource' });
  } else if (where.kind === 'virtual') {
    logical.push({ name: where.name, kind: 'namespace' });
  }
  if (f.key) logical.push({ name: f.key, ...(where.kind === 'virtual' ? { fullyQualifiedName: `${where.name}.${f.key}` } : {}), kind: 'variable' });
  const loc: Record<string, unknown> = {};
  if (where.kind === 'file') {
    const artifactLocation = where.rel !== undefined ? { uri: relUri(where.rel), uriBaseId: '%SRCROOT%' } : { uri: where.absUri! };
    loc.physicalLocation = { artifactLocation, ...(f.line ? { region } : {}) };
  }
  if (logical.length) loc.logicalLocations = logical;
  return loc;
}

/**
 * SARIF 2.1.0: one run per report, rules with localized help, results with locations re-based on the
 * repository root, fingerprints, suppressions, baseline states and the automation id of the command.
 */
export function formatSarif(report: Report, opts: SarifOptions = {}): string {
  const s = t(report.lang);
  const root = opts.root ?? report.root;
  const ruleIndex = new Map<string, number>();
  const rules = report.rules.map((r, i) => {
    ruleIndex.set(r.id, i);
    return {
      id: r.id,
      name: r.id.replace(/[/-](.)/g, (_m, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
      shortDescription: { text: r.title },
      fullDescription: { text: r.description },
      help: { text: `${r.description}\n\n${s.fixLabel}: ${r.fix}\n\n${s.documentation}: ${r.docsUrl}`, markdown: `${r.description}\n\n**${s.fixLabel}:** ${r.fix}\n\n[${s.documentation}](${r.docsUrl})` },
      helpUri: r.docsUrl,
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: {
        tags: ['security', ...(r.references?.cwe ?? []).map((c) => `external/cwe/${c.toLowerCase()}`)],
        'security-severity': SECURITY_SEVERITY[r.severity],
        precision: 'high',
      },
    };
  });
  const results = report.findings.map((f) => {
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [locationOf(f, report, root)],
      partialFingerprints: { 'honban/v1': f.fingerprint },
      properties: { severity: f.severity, status: f.status, fix: f.fix, ...(f.evidence ? { evidence: f.evidence } : {}), ...(f.key ? { key: f.key } : {}), ...(f.owner ? { owner: f.owner } : {}), ...(f.until ? { until: f.until } : {}) },
    };
    // A baseline finding existed before: "unchanged", still an alert. Everything else is new then.
    if (report.baselineApplied) result.baselineState = f.status === 'baseline' ? 'unchanged' : 'new';
    if (f.status === 'suppressed' || f.status === 'waived') {
      result.suppressions = [
        {
          kind: f.status === 'suppressed' ? 'inSource' : 'external',
          status: 'accepted',
          justification: [f.statusReason ?? f.status, f.owner ? `${s.owner}: ${f.owner}` : '', f.until ? `${s.until}: ${f.until}` : ''].filter(Boolean).join('; '),
        },
      ];
    }
    return result;
  });
  const notifications: Record<string, unknown>[] = report.errors.map((e) => {
    const where = e.file ? locate(e.file, report, root) : undefined;
    const physical =
      where?.kind === 'file'
        ? { physicalLocation: { artifactLocation: where.rel !== undefined ? { uri: relUri(where.rel), uriBaseId: '%SRCROOT%' } : { uri: where.absUri! }, ...(e.line ? { region: { startLine: e.line, ...(e.column ? { startColumn: e.column } : {}) } } : {}) } }
        : where?.kind === 'url'
          ? { logicalLocations: [{ fullyQualifiedName: where.url, kind: 'resource' }] }
          : undefined;
    return {
      level: 'error',
      message: { text: `${s.errorKind[e.kind]}: ${e.message}` },
      ...(e.ruleId ? { associatedRule: { id: e.ruleId, ...(ruleIndex.has(e.ruleId) ? { index: ruleIndex.get(e.ruleId) } : {}) } } : {}),
      ...(physical ? { locations: [physical] } : {}),
    };
  });
  // Files not read: a warning notification each (nothing is skipped silently).
  for (const k of report.skipped ?? []) {
    const where = locate(k.path.replace(/\/$/, ''), report, root);
    notifications.push({
      level: 'warning',
      descriptor: { id: 'honban/not-read' },
      message: { text: `${s.notReadLabel}: ${skipReasonText(k, report.lang)}` },
      properties: { reason: k.reason, ...(k.detail ? { detail: k.detail } : {}) },
      ...(where.kind === 'file' ? { locations: [{ physicalLocation: { artifactLocation: where.rel !== undefined ? { uri: relUri(where.rel), uriBaseId: '%SRCROOT%' } : { uri: where.absUri! } } }] } : {}),
    } );
  }
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'honban',
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: 'https://github.com/honban-dev/honban',
        rules,
      },
    },
    // Code scanning keeps one set of alerts per category: the part of the id before the last "/".
    automationDetails: { id: `honban/${report.command}/${report.environment}/` },
    ...(root ? { originalUriBaseIds: { '%SRCROOT%': { uri: dirUri(root), description: { text: s.sarifRoot } } } } : {}),
    language: report.lang === 'ja' ? 'ja-JP' : 'en-US',
    columnKind: 'utf16CodeUnits',
    results,
    invocations: [
      {
        executionSuccessful: report.errors.length === 0,
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      },
    ],
    properties: { environment: report.environment, command: report.command, target: report.target, failOn: report.failOn, exitCode: report.exitCode },
  };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [run],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
