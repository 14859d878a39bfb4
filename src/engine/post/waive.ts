import ignore from 'ignore';
import type { Waiver } from '../../contracts/config.js';
import type { RawFinding } from '../../contracts/types.js';
import { canonicalRuleId } from '../../lib/rule-aliases.js';

function ruleMatches(pattern: string, id: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return id.startsWith(pattern.slice(0, -1));
  return canonicalRuleId(pattern) === id;
}

function pathMatches(pattern: string | undefined, file: string): boolean {
  if (!pattern) return true;
  if (pattern === file) return true;
  if (/^[a-z]+:\/\//i.test(file)) return file.startsWith(pattern);
  try {
    return ignore().add(pattern).ignores(file);
  } catch {
    return false;
  }
}

/**
 * Applies waivers from honban.yml: a matching waiver marks the finding `waived` (with reason and
 * owner) until its `until` day has passed; after that the finding is open again and says why.
 */
export function applyWaivers(findings: RawFinding[], waivers: readonly Waiver[], today: string): RawFinding[] {
  if (!waivers.length) return findings;
  for (const f of findings) {
    if (f.status !== 'open') continue;
    const w = waivers.find((w) => ruleMatches(w.rule, f.ruleId) && pathMatches(w.path, f.file));
    if (!w) continue;
    if (w.until && w.until < today) {
      f.statusReason = `waiver expired on ${w.until}: ${w.reason}`;
      f.owner = w.owner;
      f.until = w.until;
      continue;
    }
    f.status = 'waived';
    f.statusReason = w.reason;
    f.owner = w.owner;
    f.until = w.until;
  }
  return findings;
}
