/**
 * The recorded-facts format of `honban host --record FILE` (format `honban-host-facts`, version 1),
 * read back by `honban host --facts FILE` and by `honban check --host-facts FILE`. Documented in
 * docs/host.md. It holds no secret value: host facts carry paths, modes, owners, versions, dates and
 * ports only; the deployed files' findings were masked on the host; every string is masked again
 * with the secrets registered while gathering before it is written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { UserError } from '../../contracts/errors.js';
import type { Localized, RawFinding, ReportError } from '../../contracts/types.js';
import { SecretMasker } from '../../engine/post/mask.js';
import { VERSION } from '../../contracts/version.js';
import { HOST_FACTS, type HostFactName } from '../../facts/host.js';
import type { DeployedJudgement } from './gather.js';
import type { CommandLog } from './gathering.js';
import { L } from '../../lib/i18n.js';

export const HOST_FACTS_FORMAT = 'honban-host-facts';
export const HOST_FACTS_VERSION = 1;

export interface HostRecord {
  format: typeof HOST_FACTS_FORMAT;
  version: typeof HOST_FACTS_VERSION;
  tool: { name: 'honban'; version: string };
  /** `live` (on the server) or `root` (an offline tree). */
  mode: 'live' | 'root';
  /** `/` or the --root directory. */
  root: string;
  gatheredAt: string;
  /** The environment the deployed files were judged for. */
  environment: string;
  /** Host facts by name (see src/facts/host.ts); a name absent here is in `unavailable`. */
  facts: Partial<Record<HostFactName, unknown[]>>;
  /** Facts that could not be gathered, and why: the rules needing them are "not checked". */
  unavailable: Partial<Record<HostFactName, Localized>>;
  /** The scan rules' findings on the files deployed on the host. */
  deployed: DeployedJudgement;
  commands: CommandLog[];
  /** Files that exist but were not read (too large, special files, loops, permission). */
  skipped: { path: string; reason: string }[];
  errors: ReportError[];
  timing: { gatherMs: number };
}

export function makeRecord(input: Omit<HostRecord, 'format' | 'version' | 'tool'>, secrets: Iterable<string>): HostRecord {
  const masker = new SecretMasker();
  masker.add(secrets);
  return masker.maskDeep({ format: HOST_FACTS_FORMAT, version: HOST_FACTS_VERSION, tool: { name: 'honban', version: VERSION }, ...input });
}

export async function saveRecord(file: string, record: HostRecord): Promise<void> {
  try {
    await writeFile(file, JSON.stringify(record, null, 2) + '\n', { mode: 0o600 });
  } catch (e) {
    throw new UserError(L(`cannot write --record ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, `--record ${file} に書き込めません: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/** Checks the shape of a parsed record; returns it typed, or throws a UserError naming the problem. */
export function parseRecord(data: unknown, what = 'host facts'): HostRecord {
  if (!isObj(data) || data.format !== HOST_FACTS_FORMAT) throw new UserError(L(`${what} is not a honban host facts file (written by honban host --record)`, `${what} は honban host のファクトファイル (honban host --record で書いたもの) ではありません`));
  if (data.version !== HOST_FACTS_VERSION) throw new UserError(L(`${what} has version ${String(data.version)}; this honban reads version ${HOST_FACTS_VERSION}`, `${what} はバージョン ${String(data.version)} です。この honban が読めるのはバージョン ${HOST_FACTS_VERSION} です`));
  if (!isObj(data.facts)) throw new UserError(L(`${what} has no facts`, `${what} にファクトがありません`));
  for (const [k, v] of Object.entries(data.facts)) {
    if (!(HOST_FACTS as readonly string[]).includes(k)) throw new UserError(L(`${what}: unknown fact "${k}"`, `${what}: 不明なファクト "${k}"`));
    if (!Array.isArray(v)) throw new UserError(L(`${what}: fact "${k}" must be a list`, `${what}: ファクト "${k}" はリストでなければなりません`));
    for (const f of v) if (!isObj(f) || typeof f.file !== 'string') throw new UserError(L(`${what}: every "${k}" fact needs a file`, `${what}: "${k}" のファクトにはすべて file が必要です`));
  }
  const info = (data.facts as Record<string, unknown[]>).hostInfo?.[0] as Record<string, unknown> | undefined;
  if (!info || typeof info.gatheredAt !== 'string') throw new UserError(L(`${what} has no hostInfo fact`, `${what} に hostInfo ファクトがありません`));
  const deployed = isObj(data.deployed) ? data.deployed : {};
  const findings = Array.isArray(deployed.findings) ? deployed.findings : [];
  for (const f of findings as Partial<RawFinding>[]) {
    if (!isObj(f) || typeof f.ruleId !== 'string' || typeof f.file !== 'string' || !isObj(f.message) || typeof f.fingerprint !== 'string') throw new UserError(L(`${what}: a deployed finding is malformed`, `${what}: 配置済みの指摘の形式が不正です`));
  }
  return {
    format: HOST_FACTS_FORMAT,
    version: HOST_FACTS_VERSION,
    tool: isObj(data.tool) ? (data.tool as HostRecord['tool']) : { name: 'honban', version: 'unknown' },
    mode: data.mode === 'live' ? 'live' : 'root',
    root: typeof data.root === 'string' ? data.root : '/',
    gatheredAt: typeof data.gatheredAt === 'string' ? data.gatheredAt : (info.gatheredAt as string),
    environment: typeof data.environment === 'string' ? data.environment : 'production',
    facts: data.facts as HostRecord['facts'],
    unavailable: isObj(data.unavailable) ? (data.unavailable as HostRecord['unavailable']) : {},
    deployed: {
      files: Array.isArray(deployed.files) ? (deployed.files as DeployedJudgement['files']) : [],
      rules: Array.isArray(deployed.rules) ? (deployed.rules as string[]) : [],
      ...(Array.isArray(deployed.judged) ? { judged: (deployed.judged as unknown[]).filter((x): x is string => typeof x === 'string') } : {}),
      findings: findings as RawFinding[],
      errors: Array.isArray(deployed.errors) ? (deployed.errors as ReportError[]) : [],
    },
    commands: Array.isArray(data.commands) ? (data.commands as CommandLog[]) : [],
    skipped: Array.isArray(data.skipped) ? (data.skipped as HostRecord['skipped']) : [],
    errors: Array.isArray(data.errors) ? (data.errors as ReportError[]) : [],
    timing: isObj(data.timing) && typeof data.timing.gatherMs === 'number' ? { gatherMs: data.timing.gatherMs } : { gatherMs: 0 },
  };
}

/** Reads a file written by `honban host --record`. */
export async function loadHostFacts(file: string): Promise<HostRecord> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UserError(L(`cannot read host facts ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, `ホストのファクト ${file} を読めません: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UserError(L(`host facts ${file} is not JSON: ${(e as Error).message}`, `ホストのファクト ${file} は JSON ではありません: ${(e as Error).message}`));
  }
  return parseRecord(data, `host facts ${file}`);
}
