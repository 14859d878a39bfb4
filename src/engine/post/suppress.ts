import type { FileKind, RawFinding } from '../../contracts/types.js';
import { findDirectives, type Directive } from '../../lib/directives.js';
import { ruleIdMatches as matches } from '../../lib/rule-glob.js';

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
  files: ReadonlyMap<string, { content: string; kind: FileKind; directives?: Directive[] }>,
): RawFinding[] {
  return suppress(findings, files).findings;
}

/** applySuppressions, telling also which directive covered what (for unused-directive reports). */
export function suppress(
  findings: RawFinding[],
  files: ReadonlyMap<string, { content: string; kind: FileKind; directives?: Directive[] }>,
): { findings: RawFinding[]; directives: DirectiveUse[] } {
  const byFile = new Map<string, DirectiveUse[]>();
  const all: DirectiveUse[] = [];
  for (const [path, f] of files) {
    // The file collector's directives when it ran (the file's text is then not needed here).
    const uses = (f.directives ?? findDirectives(f.content, f.kind)).map((directive) => ({ file: path, kind: f.kind, directive, used: new Set<string>() }));
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
