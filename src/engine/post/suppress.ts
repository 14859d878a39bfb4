import type { FileKind, RawFinding } from '../../contracts/types.js';

/** Comment openers per file kind: a directive counts only inside a comment. */
const COMMENT_OPENERS: Partial<Record<FileKind, string[]>> & { default: string[] } = {
  default: ['#', '//'],
  javascript: ['//', '/*'],
  typescript: ['//', '/*'],
  html: ['<!--', '{#', '<%#', '{{!', '{{/*'],
  terraform: ['#', '//', '/*'],
  json: ['//'],
};

export interface Directive {
  line: number;
  column: number;
  rules: string[];
  reason?: string;
}

const DIRECTIVE = /honban-ignore(?:-next-line)?(?::|\s)\s*([A-Za-z0-9_\-/*]+(?:\s*,\s*[A-Za-z0-9_\-/*]+)*)?\s*(?:--\s*(.*?))?\s*(?:-->|\*\/|#\}|%>|\}\})?\s*$/;

/** Finds `honban-ignore <rule-id>[,<rule-id>] -- <reason>` directives in comments. */
export function findDirectives(content: string, kind: FileKind): Directive[] {
  if (!content.includes('honban-ignore')) return [];
  const openers = COMMENT_OPENERS[kind] ?? COMMENT_OPENERS.default;
  const out: Directive[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((text, i) => {
    const at = text.indexOf('honban-ignore');
    if (at < 0) return;
    const before = text.slice(0, at);
    if (!openers.some((o) => before.includes(o))) return;
    const m = DIRECTIVE.exec(text.slice(at));
    if (!m) return;
    const rules = (m[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const reason = m[2]?.trim() || undefined;
    out.push({ line: i + 1, column: at + 1, rules, reason });
  });
  return out;
}

function matches(pattern: string, ruleId: string): boolean {
  if (pattern === '*' || pattern === 'all') return true;
  if (pattern.endsWith('/*')) return ruleId.startsWith(pattern.slice(0, -1));
  return pattern === ruleId;
}

/**
 * Marks findings covered by an inline directive (same line or the line before) as `suppressed`.
 * A directive without a reason suppresses nothing (the rule honban/ignore-without-reason reports it).
 */
export function applySuppressions(
  findings: RawFinding[],
  files: ReadonlyMap<string, { content: string; kind: FileKind }>,
): RawFinding[] {
  const byFile = new Map<string, Directive[]>();
  for (const [path, f] of files) {
    const d = findDirectives(f.content, f.kind);
    if (d.length) byFile.set(path, d);
  }
  for (const f of findings) {
    if (f.status !== 'open' || !f.line) continue;
    const dirs = byFile.get(f.file);
    if (!dirs) continue;
    const d = dirs.find((d) => d.reason && (d.line === f.line || d.line === f.line! - 1) && d.rules.some((r) => matches(r, f.ruleId)));
    if (d) {
      f.status = 'suppressed';
      f.statusReason = d.reason;
    }
  }
  return findings;
}
