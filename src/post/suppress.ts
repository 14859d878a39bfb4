import type { FileKind, RawFinding } from '../core/types.js';
import { ruleIdMatches as matches } from '../core/rule-glob.js';

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

/** A directive found in a file, and the rule ids it actually suppressed a finding of. */
export interface DirectiveUse {
  file: string;
  kind: FileKind;
  directive: Directive;
  /** Patterns of the directive that covered at least one finding. */
  used: Set<string>;
}

/**
 * Marks findings covered by an inline directive (same line or the line before) as `suppressed`.
 * A directive without a reason suppresses nothing (the rule honban/ignore-without-reason reports it).
 */
export function applySuppressions(
  findings: RawFinding[],
  files: ReadonlyMap<string, { content: string; kind: FileKind }>,
): RawFinding[] {
  return suppress(findings, files).findings;
}

/** applySuppressions, telling also which directive covered what (for unused-directive reports). */
export function suppress(
  findings: RawFinding[],
  files: ReadonlyMap<string, { content: string; kind: FileKind }>,
): { findings: RawFinding[]; directives: DirectiveUse[] } {
  const byFile = new Map<string, DirectiveUse[]>();
  const all: DirectiveUse[] = [];
  for (const [path, f] of files) {
    const uses = findDirectives(f.content, f.kind).map((directive) => ({ file: path, kind: f.kind, directive, used: new Set<string>() }));
    if (uses.length) byFile.set(path, uses);
    all.push(...uses);
  }
  for (const f of findings) {
    if (f.status !== 'open' || !f.line) continue;
    const uses = byFile.get(f.file);
    if (!uses) continue;
    for (const u of uses) {
      const d = u.directive;
      if (!d.reason || !(d.line === f.line || d.line === f.line - 1)) continue;
      const pattern = d.rules.find((r) => matches(r, f.ruleId));
      if (pattern === undefined) continue;
      u.used.add(pattern);
      if (f.status === 'open') {
        f.status = 'suppressed';
        f.statusReason = d.reason;
      }
    }
  }
  return { findings, directives: all };
}
