import { writeFile } from 'node:fs/promises';
import { readUserFile } from '../../lib/read.js';
import { UserError } from '../../contracts/errors.js';
import type { RawFinding } from '../../contracts/types.js';
import { canonicalRuleId, RULE_ALIASES } from '../../lib/rule-aliases.js';
import { L } from '../../lib/i18n.js';

export interface BaselineFile {
  schemaVersion: 1;
  tool: 'honban';
  createdAt: string;
  /** Fingerprints only: rule, file, hash of normalized content — never values. */
  findings: { ruleId: string; file: string; fingerprint: string }[];
}

export async function readBaseline(file: string): Promise<BaselineFile> {
  const text = await readUserFile(file, L(`baseline ${file}`, `ベースライン ${file}`), { maxBytes: 64 * 1024 * 1024 });
  try {
    const data = JSON.parse(text) as BaselineFile;
    if (!Array.isArray(data.findings)) throw new Error('no findings array');
    return data;
  } catch (e) {
    throw new UserError(L(`invalid baseline ${file}: ${(e as Error).message}`, `ベースライン ${file} が不正です: ${(e as Error).message}`));
  }
}

type Baselined = Pick<RawFinding, 'ruleId' | 'file' | 'fingerprint' | 'status'>;

export function makeBaseline(findings: readonly Baselined[], now: Date): BaselineFile {
  return {
    schemaVersion: 1,
    tool: 'honban',
    createdAt: now.toISOString(),
    findings: findings
      .filter((f) => f.status === 'open' || f.status === 'baseline')
      .map((f) => ({ ruleId: f.ruleId, file: f.file, fingerprint: f.fingerprint }))
      .sort((a, b) => (a.file + a.ruleId + a.fingerprint < b.file + b.ruleId + b.fingerprint ? -1 : 1)),
  };
}

export async function writeBaseline(file: string, findings: readonly Baselined[], now: Date): Promise<void> {
  try {
    await writeFile(file, JSON.stringify(makeBaseline(findings, now), null, 2) + '\n');
  } catch (e) {
    throw new UserError(L(`cannot write baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? 'write failed'}`, `ベースライン ${file} に書き込めません: ${(e as NodeJS.ErrnoException).code ?? '書き込みに失敗しました'}`));
  }
}

/**
 * Marks findings already in the baseline (matched as a multiset by fingerprint) as `baseline`.
 * An entry written under a deprecated rule id (a rule merged into another) cannot match by
 * fingerprint, which hashes the id: it matches one finding of the rule it became in the same file.
 */
export function applyBaseline(findings: RawFinding[], baseline: BaselineFile): RawFinding[] {
  const counts = new Map<string, number>();
  const renamed = new Map<string, number>();
  for (const b of baseline.findings) {
    if (b && typeof b.ruleId === 'string' && Object.hasOwn(RULE_ALIASES, b.ruleId)) {
      const k = `${canonicalRuleId(b.ruleId)}\0${b.file}`;
      renamed.set(k, (renamed.get(k) ?? 0) + 1);
    } else counts.set(b.fingerprint, (counts.get(b.fingerprint) ?? 0) + 1);
  }
  for (const f of findings) {
    if (f.status !== 'open') continue;
    const n = counts.get(f.fingerprint) ?? 0;
    if (n > 0) {
      f.status = 'baseline';
      counts.set(f.fingerprint, n - 1);
      continue;
    }
    const k = `${f.ruleId}\0${f.file}`;
    const m = renamed.get(k) ?? 0;
    if (m > 0) {
      f.status = 'baseline';
      renamed.set(k, m - 1);
    }
  }
  return findings;
}

