import type { FileKind, RawFinding } from '../../contracts/types.js';
import { findDirectives, type Directive } from '../../lib/directives.js';
import { canonicalRuleId } from '../../lib/rule-aliases.js';

function matches(pattern: string, ruleId: string): boolean {
  if (pattern === '*' || pattern === 'all') return true;
  if (pattern.endsWith('/*')) return ruleId.startsWith(pattern.slice(0, -1));
  // A deprecated id (merged into another rule) still suppresses the rule it became.
  return canonicalRuleId(pattern) === ruleId;
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
