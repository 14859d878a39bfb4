import { gitignore } from '../../lib/gitignore.js';
import type { Waiver } from '../../contracts/config.js';
import type { RawFinding } from '../../contracts/types.js';
import { ruleIdMatches as ruleMatches } from '../../lib/rule-glob.js';


function pathMatches(pattern: string | undefined, file: string): boolean {
  if (!pattern) return true;
  if (pattern === file) return true;
  if (/^[a-z]+:\/\//i.test(file)) return file.startsWith(pattern);
  try {
    return gitignore().add(pattern).ignores(file);
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

/** Days before `until` from which a waiver in use is announced (honban/waiver-expiring). */
export const WAIVER_NOTICE_DAYS = 14;

export interface ExpiringWaiver {
  index: number;
  waiver: Waiver;
  daysLeft: number;
  /** Findings it waives in this run. */
  count: number;
}

function dayNumber(ymd: string): number {
  return Math.round(Date.parse(`${ymd}T00:00:00Z`) / 86_400_000);
}

/** Waivers that waive something in this run and expire within WAIVER_NOTICE_DAYS days. */
export function expiringWaivers(findings: readonly RawFinding[], waivers: readonly Waiver[], today: string): ExpiringWaiver[] {
  const out: ExpiringWaiver[] = [];
  waivers.forEach((w, index) => {
    if (!w.until || w.until < today) return;
    const daysLeft = dayNumber(w.until) - dayNumber(today);
    if (!(daysLeft <= WAIVER_NOTICE_DAYS)) return;
    const count = findings.filter((f) => f.status === 'waived' && waivers.find((x) => ruleMatches(x.rule, f.ruleId) && pathMatches(x.path, f.file)) === w).length;
    if (count) out.push({ index, waiver: w, daysLeft, count });
  });
  return out;
}
