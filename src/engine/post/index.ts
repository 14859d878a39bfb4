import type { Directive } from '../../lib/directives.js';
import type { Waiver } from '../../contracts/config.js';
import { SEVERITIES, type FileKind, type RawFinding } from '../../contracts/types.js';
import { applyBaseline, type BaselineFile } from './baseline.js';
import { SecretMasker } from './mask.js';
import { directiveFindings, type DirectiveCheck } from './directives.js';
import { suppress } from './suppress.js';
import { applyWaivers, expiringWaivers } from './waive.js';
import { waiverNotices, type WaiverNotice } from './waiver-notice.js';

export interface PostOptions {
  /** Source files for inline suppressions (path → content, kind). */
  files?: ReadonlyMap<string, { content: string; kind: FileKind; directives?: Directive[] }>;
  waivers?: readonly Waiver[];
  baseline?: BaselineFile;
  /** YYYY-MM-DD, for waiver expiry. */
  today: string;
  /** Announce waivers in use that expire soon (honban/waiver-expiring). */
  waiverNotice?: WaiverNotice;
  /** Report unknown rule ids and unused honban-ignore directives (needs `files`). */
  directives?: DirectiveCheck;
  masker: SecretMasker;
  /** Pairs of rule ids that report the same problem on the same line (RuleMeta.duplicates). */
  duplicates?: ReadonlyMap<string, ReadonlySet<string>>;
}

const SEV_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<string, number>;

export function compareFindings(a: RawFinding, b: RawFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if ((a.line ?? 0) !== (b.line ?? 0)) return (a.line ?? 0) - (b.line ?? 0);
  if ((a.column ?? 0) !== (b.column ?? 0)) return (a.column ?? 0) - (b.column ?? 0);
  if (a.severity !== b.severity) return SEV_RANK[a.severity]! - SEV_RANK[b.severity]!;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.message.en < b.message.en ? -1 : a.message.en > b.message.en ? 1 : 0;
}

/** Same rule, place and message: reported once. */
export function dedupe(findings: RawFinding[]): RawFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.ruleId}\0${f.file}\0${f.line ?? ''}\0${f.column ?? ''}\0${f.message.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Two rules that report the same problem on the same line (RuleMeta.duplicates): the more severe
 * finding stays; on a tie, the one that is not `secret/*` (its message has the domain's context).
 */
export function collapseDuplicates(findings: RawFinding[], duplicates: ReadonlyMap<string, ReadonlySet<string>>): RawFinding[] {
  if (!duplicates.size) return findings;
  const related = (a: string, b: string) => duplicates.get(a)?.has(b) || duplicates.get(b)?.has(a);
  const byLine = new Map<string, RawFinding[]>();
  for (const f of findings) {
    if (f.line === undefined) continue;
    const k = `${f.file}\0${f.line}`;
    if (!byLine.has(k)) byLine.set(k, []);
    byLine.get(k)!.push(f);
  }
  const drop = new Set<RawFinding>();
  for (const group of byLine.values()) {
    if (group.length < 2) continue;
    for (const a of group) {
      for (const b of group) {
        if (a === b || drop.has(a) || drop.has(b) || a.ruleId === b.ruleId || !related(a.ruleId, b.ruleId)) continue;
        const rank = SEV_RANK[a.severity]! - SEV_RANK[b.severity]!;
        const loser = rank < 0 ? b : rank > 0 ? a : a.ruleId.startsWith('secret/') ? a : b;
        drop.add(loser);
      }
    }
  }
  return drop.size ? findings.filter((f) => !drop.has(f)) : findings;
}

/**
 * The post chain every command runs: duplicates across rules, suppressions, waivers, baseline, secret masking, dedupe,
 * stable sort.
 */
export function postProcess(findings: RawFinding[], opts: PostOptions): RawFinding[] {
  let out = opts.duplicates ? collapseDuplicates(findings, opts.duplicates) : findings;
  if (opts.files) {
    const r = suppress(out, opts.files);
    out = r.findings;
    if (opts.directives) {
      const files = opts.files;
      out = [...out, ...directiveFindings(r.directives, opts.directives, (file, line) => files.get(file)?.content.split(/\r?\n/)[line - 1])];
    }
  }
  out = applyWaivers(out, opts.waivers ?? [], opts.today);
  if (opts.waiverNotice) out = [...out, ...waiverNotices(expiringWaivers(out, opts.waivers ?? [], opts.today), opts.waiverNotice)];
  if (opts.baseline) out = applyBaseline(out, opts.baseline);
  for (const f of out) opts.masker.add(f.secrets ?? []);
  out = out.map((f) => {
    const { secrets: _drop, ...rest } = f;
    return {
      ...rest,
      message: { en: opts.masker.mask(f.message.en), ja: opts.masker.mask(f.message.ja) },
      evidence: opts.masker.mask(f.evidence),
      statusReason: opts.masker.mask(f.statusReason),
    };
  });
  out = dedupe(out);
  return out.sort(compareFindings);
}
