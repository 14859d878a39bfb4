/**
 * `honban history diff A B`: what changed between two stored runs.
 *
 * Findings are matched by fingerprint key: `new` — in B, not in A; `fixed` — in A, not in B;
 * `changed` — in both with another status or severity (e.g. open → waived).
 * Checklist items are matched by id; "met" plays the part of "absent": `new` — not met in B, met or
 * absent in A; `fixed` — met (or removed) in B, not met in A; `changed` — another status with the
 * same met-ness (todo → deferred, done → not-applicable).
 * A finding of A that B could not judge — its part (probe, host …) did not run in B (`not-run`) or
 * could not (`failed`: the site did not answer), or its file failed to parse or read there, or its
 * rule failed on it — is `unchecked`, never `fixed`.
 */
import type { RunSummary } from '../../contracts/types.js';
import type { RunDetail, StoredFinding, StoredItem } from './types.js';

export type DiffEntry =
  | ({ type: 'finding' } & StoredFinding & { from?: Pick<StoredFinding, 'status' | 'severity' | 'line'> })
  | ({ type: 'item' } & StoredItem & { from?: Pick<StoredItem, 'status' | 'state'> | null });

export interface RunDiff {
  from: RunSummary;
  to: RunSummary;
  new: DiffEntry[];
  fixed: DiffEntry[];
  changed: DiffEntry[];
  /** Findings of A that B did not judge, with why. */
  unchecked: (DiffEntry & { reason: 'not-run' | 'failed' | 'not-read' | 'rule-failed' })[];
}

const strip = (r: RunDetail): RunSummary => {
  const { findings: _f, items: _i, project: _p, sources: _s, failed: _x, unjudged: _u, ...rest } = r;
  return rest;
};

export function diffRuns(a: RunDetail, b: RunDetail): RunDiff {
  const out: RunDiff = { from: strip(a), to: strip(b), new: [], fixed: [], changed: [], unchecked: [] };
  // Runs stored before `sources` was read back have none: then every part counts as run.
  const ran = new Set(b.sources);
  const failed = new Set(b.failed ?? []);
  const whyUnchecked = (f: StoredFinding): RunDiff['unchecked'][number]['reason'] | undefined => {
    if (failed.has(f.source)) return 'failed';
    if (ran.size && !ran.has(f.source)) return 'not-run';
    for (const u of b.unjudged) {
      if (u.file !== f.file) continue;
      if (!u.ruleId) return 'not-read';
      if (u.ruleId === f.ruleId) return 'rule-failed';
    }
    return undefined;
  };
  const fa = new Map(a.findings.map((f) => [f.key, f]));
  const fb = new Map(b.findings.map((f) => [f.key, f]));
  for (const f of b.findings) {
    const old = fa.get(f.key);
    if (!old) out.new.push({ type: 'finding', ...f });
    else if (old.status !== f.status || old.severity !== f.severity) out.changed.push({ type: 'finding', ...f, from: { status: old.status, severity: old.severity, ...(old.line !== undefined ? { line: old.line } : {}) } });
  }
  for (const f of a.findings) {
    if (fb.has(f.key)) continue;
    const reason = whyUnchecked(f);
    if (reason) out.unchecked.push({ type: 'finding', ...f, reason });
    else out.fixed.push({ type: 'finding', ...f });
  }

  const ia = new Map(a.items.map((i) => [i.id, i]));
  const ib = new Map(b.items.map((i) => [i.id, i]));
  const met = (i: StoredItem | undefined) => !i || i.state === 'met';
  for (const i of b.items) {
    const old = ia.get(i.id);
    const from = old ? { status: old.status, state: old.state } : null;
    if (!met(i) && met(old)) out.new.push({ type: 'item', ...i, from });
    else if (met(i) && !met(old)) out.fixed.push({ type: 'item', ...i, from });
    else if (!old || old.status !== i.status || old.state !== i.state) out.changed.push({ type: 'item', ...i, from });
  }
  for (const i of a.items) {
    if (ib.has(i.id)) continue;
    // Removed from the checklist: a gap that no longer stands is "fixed"; a met one just went away.
    if (!met(i)) out.fixed.push({ type: 'item', ...i, from: { status: i.status, state: i.state } });
    else out.changed.push({ type: 'item', ...i, from: { status: i.status, state: i.state } });
  }
  return out;
}
