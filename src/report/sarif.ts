import type { Report, Severity } from '../contracts/types.js';
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

function isUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
}

/** Relative POSIX path → URI reference (percent-encoded segments). */
function toUri(file: string): string {
  if (isUrl(file)) return file;
  return file.split('/').map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0: one run, rules with help text and help URI, results with regions and fingerprints. */
export function formatSarif(report: Report): string {
  const ruleIndex = new Map<string, number>();
  const rules = report.rules.map((r, i) => {
    ruleIndex.set(r.id, i);
    return {
      id: r.id,
      name: r.id.replace(/[/-](.)/g, (_m, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
      shortDescription: { text: r.title },
      fullDescription: { text: r.description },
      help: { text: `${r.description}\n\nFix: ${r.fix}`, markdown: `${r.description}\n\n**Fix:** ${r.fix}\n\n[Documentation](${r.docsUrl})` },
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
    const region: Record<string, number> = {};
    if (f.line) {
      region.startLine = f.line;
      if (f.column) region.startColumn = f.column;
      if (f.endLine) region.endLine = f.endLine;
      if (f.endColumn) region.endColumn = f.endColumn;
    }
    const physicalLocation: Record<string, unknown> = {
      artifactLocation: isUrl(f.file) ? { uri: toUri(f.file) } : { uri: toUri(f.file), uriBaseId: '%SRCROOT%' },
    };
    if (f.line) physicalLocation.region = region;
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation }],
      partialFingerprints: { 'honban/v1': f.fingerprint },
      properties: { severity: f.severity, fix: f.fix, ...(f.evidence ? { evidence: f.evidence } : {}), ...(f.key ? { key: f.key } : {}) },
    };
    if (result.ruleIndex === undefined) delete result.ruleIndex;
    if (f.status !== 'open') {
      result.suppressions = [
        {
          kind: f.status === 'suppressed' ? 'inSource' : 'external',
          status: 'accepted',
          justification: f.statusReason ?? f.status,
        },
      ];
    }
    return result;
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'honban',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: 'https://github.com/honban-dev/honban',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The scanned root' } } },
        results,
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            toolExecutionNotifications: [
              ...report.errors.map((e) => ({
                level: 'error',
                message: { text: e.message },
                ...(e.file
                  ? { locations: [{ physicalLocation: { artifactLocation: { uri: toUri(e.file) }, ...(e.line ? { region: { startLine: e.line } } : {}) } }] }
                  : {}),
              })),
              // Files not read: a warning notification each (nothing is skipped silently).
              ...(report.skipped ?? []).map((k) => ({
                level: 'warning',
                descriptor: { id: 'honban/not-read' },
                message: { text: `${t(report.lang).notReadLabel}: ${skipReasonText(k, report.lang)}` },
                properties: { reason: k.reason, ...(k.detail ? { detail: k.detail } : {}) },
                locations: [{ physicalLocation: { artifactLocation: { uri: toUri(k.path.replace(/\/$/, '')), uriBaseId: '%SRCROOT%' } } }],
              })),
            ],
          },
        ],
        properties: { environment: report.environment, command: report.command },
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
