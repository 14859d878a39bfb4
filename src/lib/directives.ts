/**
 * Inline suppression comments: `honban-ignore <rule-id>[,<rule-id>] -- <reason>`, recognized only
 * inside a comment of the file's kind. The file collector records them; the post chain applies them.
 */
import type { FileKind } from '../contracts/types.js';

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
