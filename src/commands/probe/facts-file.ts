/**
 * `--save-facts FILE` / `--from-facts FILE`: everything the gatherers learned, as JSON, with every
 * registered secret (cookie values, --header / --cookie values, tokens on pages) masked. A replay
 * judges the same facts again with no network — for tests, bug reports and rule development.
 */
import { writeFile } from 'node:fs/promises';
import { readUserFile } from '../../lib/read.js';
import { UserError } from '../../contracts/errors.js';
import type { FactStore } from '../../contracts/collector.js';
import type { ReportError } from '../../contracts/types.js';
import { SecretMasker } from '../../engine/post/mask.js';
import { VERSION } from '../../contracts/version.js';
import { PROBE_FACTS, type ProbeTarget } from '../../facts/probe.js';
import { L } from '../../lib/i18n.js';

export const FACTS_FORMAT = 'honban-probe-facts';
export const FACTS_VERSION = 1;

export interface FactsFile {
  format: typeof FACTS_FORMAT;
  version: typeof FACTS_VERSION;
  tool: { name: 'honban'; version: string };
  target: string;
  gatheredAt: string;
  facts: FactStore;
  errors: ReportError[];
  timing: Record<string, number>;
  /** Distinct URLs requested. */
  urls: number;
}

export function factsFile(input: { target: string; gatheredAt: string; facts: FactStore; errors: ReportError[]; timing: Record<string, number>; urls: number }, secrets: Iterable<string>): FactsFile {
  const masker = new SecretMasker();
  masker.add(secrets);
  return masker.maskDeep({ format: FACTS_FORMAT, version: FACTS_VERSION, tool: { name: 'honban', version: VERSION }, ...input });
}

export async function saveFacts(file: string, data: FactsFile): Promise<void> {
  try {
    await writeFile(file, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
  } catch (e) {
    throw new UserError(L(`cannot write --save-facts ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, `--save-facts ${file} に書き込めません: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
  }
}

export async function loadFacts(file: string): Promise<FactsFile> {
  const text = await readUserFile(file, `--from-facts ${file}`, { maxBytes: 64 * 1024 * 1024 });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UserError(L(`--from-facts ${file} is not JSON: ${(e as Error).message}`, `--from-facts ${file} が JSON ではありません: ${(e as Error).message}`));
  }
  const d = data as Partial<FactsFile>;
  if (!d || typeof d !== 'object' || d.format !== FACTS_FORMAT) throw new UserError(L(`--from-facts ${file} is not a honban probe facts file (written by --save-facts)`, `--from-facts ${file} は honban probe のファクトファイル (--save-facts で書いたもの) ではありません`));
  if (d.version !== FACTS_VERSION) throw new UserError(L(`--from-facts ${file} has version ${String(d.version)}; this honban reads version ${FACTS_VERSION}`, `--from-facts ${file} はバージョン ${String(d.version)} です。この honban が読めるのはバージョン ${FACTS_VERSION} です`));
  if (!d.facts || typeof d.facts !== 'object') throw new UserError(L(`--from-facts ${file} has no facts`, `--from-facts ${file} にファクトがありません`));
  const target = (d.facts as FactStore).probeTarget?.[0] as ProbeTarget | undefined;
  if (!target || typeof target.url !== 'string') throw new UserError(L(`--from-facts ${file} has no probeTarget fact`, `--from-facts ${file} に probeTarget ファクトがありません`));
  for (const k of Object.keys(d.facts)) {
    if (!(PROBE_FACTS as readonly string[]).includes(k)) throw new UserError(L(`--from-facts ${file}: unknown fact "${k}"`, `--from-facts ${file}: 不明なファクト "${k}"`));
    if (!Array.isArray((d.facts as Record<string, unknown>)[k])) throw new UserError(L(`--from-facts ${file}: fact "${k}" must be a list`, `--from-facts ${file}: ファクト "${k}" はリストでなければなりません`));
  }
  return {
    format: FACTS_FORMAT,
    version: FACTS_VERSION,
    tool: d.tool ?? { name: 'honban', version: 'unknown' },
    target: d.target ?? target.url,
    gatheredAt: d.gatheredAt ?? target.gatheredAt,
    facts: d.facts as FactStore,
    errors: Array.isArray(d.errors) ? d.errors : [],
    timing: d.timing && typeof d.timing === 'object' ? d.timing : {},
    urls: typeof d.urls === 'number' ? d.urls : 0,
  };
}
