/**
 * `honban env snapshot` / `honban env drift`: HMAC fingerprints of a resolved environment, kept
 * under `.honban/` with a per-repository random key stored beside them (both git-ignored through
 * `.honban/.gitignore`). Values are never stored: a fingerprint tells whether a value changed, not
 * what it is. The last 20 snapshots of each environment are kept, with timestamps.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import { readUserFileSync } from '../../lib/read.js';
import path from 'node:path';
import { UserError } from '../../contracts/errors.js';
import { ensureHonbanDir, HONBAN_DIR } from '../../lib/honban-dir.js';
import type { EnvName, Lang } from '../../contracts/types.js';
import { VERSION } from '../../contracts/version.js';
import type { Resolution } from '../../collect/env/resolve.js';
import { L } from '../../lib/i18n.js';

export const STORE_DIR = HONBAN_DIR;
export const KEY_FILE = 'env-key';
export const SNAPSHOTS_FILE = 'env-snapshots.json';
export const KEEP = 20;

export interface KeyPrint {
  /** HMAC-SHA256 of key and value, hex. */
  fp: string;
  /** Where the value came from (file, secret path or process.env) — never the value. */
  source: string;
  secret: boolean;
}

export interface Snapshot {
  environment: EnvName;
  /** ISO 8601. */
  timestamp: string;
  sources: string[];
  /** HMAC over every key's fingerprint: equal digests, equal environments. */
  digest: string;
  keys: Record<string, KeyPrint>;
}

export interface SnapshotFile {
  schemaVersion: 1;
  tool: { name: 'honban'; version: string };
  snapshots: Snapshot[];
}

function storeDir(root: string): string {
  return path.join(root, STORE_DIR);
}

/** Creates `.honban/` with its `.gitignore` (`*`) and the random key (mode 600), once. */
function ensureStore(root: string): Buffer {
  const dir = storeDir(root);
  try {
    ensureHonbanDir(root);
    const kf = path.join(dir, KEY_FILE);
    if (!existsSync(kf)) writeFileSync(kf, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
  } catch (e) {
    throw new UserError(L(`cannot write ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, `${dir} に書き込めません: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
  }
  return readKey(root)!;
}

function readKey(root: string): Buffer | undefined {
  const kf = path.join(storeDir(root), KEY_FILE);
  if (!existsSync(kf)) return undefined;
  const hex = readUserFileSync(kf, path.join(STORE_DIR, KEY_FILE), { maxBytes: 1024 }).trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new UserError(L(`${path.join(STORE_DIR, KEY_FILE)} is not a honban key (64 hex digits); delete it and take a new snapshot`, `${path.join(STORE_DIR, KEY_FILE)} は honban の鍵 (16 進数 64 桁) ではありません。削除してスナップショットを取り直してください`));
  return Buffer.from(hex, 'hex');
}

export function readSnapshots(root: string): SnapshotFile {
  const f = path.join(storeDir(root), SNAPSHOTS_FILE);
  if (!existsSync(f)) return { schemaVersion: 1, tool: { name: 'honban', version: VERSION }, snapshots: [] };
  try {
    const data = JSON.parse(readUserFileSync(f, path.join(STORE_DIR, SNAPSHOTS_FILE), { maxBytes: 64 * 1024 * 1024 })) as SnapshotFile;
    if (data.schemaVersion !== 1 || !Array.isArray(data.snapshots)) throw new Error('unknown format');
    return data;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(L(`cannot read ${path.join(STORE_DIR, SNAPSHOTS_FILE)}: ${(e as Error).message}`, `${path.join(STORE_DIR, SNAPSHOTS_FILE)} を読めません: ${(e as Error).message}`));
  }
}

/** Fingerprints of a resolved environment with the repository's key. */
export function fingerprint(res: Resolution, key: Buffer, now: Date): Snapshot {
  const keys: Record<string, KeyPrint> = {};
  const names = [...res.vars.keys()].sort();
  const digest = createHmac('sha256', key);
  for (const k of names) {
    const v = res.vars.get(k)!;
    const value = v.unresolved.length ? `raw\0${v.raw}` : `value\0${v.value}`;
    const fp = createHmac('sha256', key).update(`${k}\0${value}`).digest('hex');
    keys[k] = { fp, source: v.file, secret: v.secret };
    digest.update(`${k}\0${fp}\n`);
  }
  return { environment: res.environment, timestamp: now.toISOString(), sources: res.sources, digest: digest.digest('hex'), keys };
}

/** Records a snapshot; keeps the last KEEP of its environment. Returns it and the previous one. */
export function takeSnapshot(root: string, res: Resolution, now = new Date()): { snapshot: Snapshot; previous?: Snapshot; kept: number } {
  const key = ensureStore(root);
  const file = readSnapshots(root);
  const snapshot = fingerprint(res, key, now);
  const mine = file.snapshots.filter((s) => s.environment === res.environment);
  const previous = mine.at(-1);
  const others = file.snapshots.filter((s) => s.environment !== res.environment);
  const kept = [...mine, snapshot].slice(-KEEP);
  const out: SnapshotFile = { schemaVersion: 1, tool: { name: 'honban', version: VERSION }, snapshots: [...others, ...kept].sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0)) };
  const target = path.join(storeDir(root), SNAPSHOTS_FILE);
  const tmp = target + '.tmp';
  writeFileSync(tmp, JSON.stringify(out, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, target);
  try {
    chmodSync(target, 0o600);
  } catch {
    // best effort (Windows)
  }
  return { snapshot, previous, kept: kept.length };
}

export interface DriftEntry {
  key: string;
  secret: boolean;
  /** Source now (added / changed). */
  source?: string;
  /** Source in the snapshot (removed / changed). */
  previousSource?: string;
}

export interface DriftResult {
  schemaVersion: 1;
  tool: { name: 'honban'; version: string };
  environment: EnvName;
  /** The snapshot compared with. */
  since: string;
  now: string;
  added: DriftEntry[];
  removed: DriftEntry[];
  changed: DriftEntry[];
  unchanged: number;
  drift: boolean;
}

/** Compares the environment now with its last snapshot. */
export function computeDrift(root: string, res: Resolution, now = new Date()): DriftResult {
  const file = readSnapshots(root);
  const last = file.snapshots.filter((s) => s.environment === res.environment).at(-1);
  const key = readKey(root);
  if (!last || !key) throw new UserError(L(`no snapshot of ${res.environment} yet: run \`honban env snapshot --env ${res.environment}\` first`, `${res.environment} のスナップショットがまだありません: 先に \`honban env snapshot --env ${res.environment}\` を実行してください`));
  const cur = fingerprint(res, key, now);
  const added: DriftEntry[] = [];
  const removed: DriftEntry[] = [];
  const changed: DriftEntry[] = [];
  let unchanged = 0;
  for (const [k, p] of Object.entries(cur.keys)) {
    const q = last.keys[k];
    if (!q) added.push({ key: k, secret: p.secret, source: p.source });
    else if (q.fp !== p.fp) changed.push({ key: k, secret: p.secret || q.secret, source: p.source, previousSource: q.source });
    else unchanged++;
  }
  for (const [k, q] of Object.entries(last.keys)) if (!cur.keys[k]) removed.push({ key: k, secret: q.secret, previousSource: q.source });
  const byKey = (a: DriftEntry, b: DriftEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return {
    schemaVersion: 1,
    tool: { name: 'honban', version: VERSION },
    environment: res.environment,
    since: last.timestamp,
    now: cur.timestamp,
    added: added.sort(byKey),
    removed: removed.sort(byKey),
    changed: changed.sort(byKey),
    unchanged,
    drift: added.length + removed.length + changed.length > 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering

const T = {
  en: {
    title: (env: string, since: string) => `Drift of ${env} since the snapshot of ${since}`,
    none: 'No drift: every variable has the value it had.',
    added: 'added',
    removed: 'removed',
    changed: 'changed',
    secret: 'secret',
    was: 'was',
    summary: (d: DriftResult) => `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchanged} unchanged`,
    taken: (env: string, n: number, ts: string, kept: number) => `Snapshot of ${env} taken at ${ts}: ${n} variable${n === 1 ? '' : 's'} fingerprinted (${kept} snapshot${kept === 1 ? '' : 's'} of ${env} kept, at most ${KEEP}).`,
    same: 'Unchanged since the previous snapshot.',
    differs: (n: number) => `${n} key${n === 1 ? '' : 's'} differ${n === 1 ? 's' : ''} from the previous snapshot (honban env drift shows which).`,
    listTitle: 'Snapshots',
    listNone: 'No snapshots yet.',
    cols: ['Environment', 'Taken at', 'Variables', 'Digest'],
  },
  ja: {
    title: (env: string, since: string) => `${env} の ${since} のスナップショットからの変化`,
    none: '変化はありません。すべての変数が前回と同じ値です。',
    added: '追加',
    removed: '削除',
    changed: '変更',
    secret: '秘密値',
    was: '以前',
    summary: (d: DriftResult) => `追加 ${d.added.length} 件、削除 ${d.removed.length} 件、変更 ${d.changed.length} 件、変化なし ${d.unchanged} 件`,
    taken: (env: string, n: number, ts: string, kept: number) => `${env} のスナップショットを ${ts} に記録しました (変数 ${n} 件のフィンガープリント。${env} のスナップショットは ${kept} 件を保持、最大 ${KEEP} 件)。`,
    same: '前回のスナップショットから変化はありません。',
    differs: (n: number) => `前回のスナップショットと ${n} 件のキーが異なります (honban env drift で確認できます)。`,
    listTitle: 'スナップショット',
    listNone: 'スナップショットはまだありません。',
    cols: ['環境', '記録日時', '変数', 'ダイジェスト'],
  },
};

export function formatDriftPretty(d: DriftResult, lang: Lang, color = false): string {
  const s = T[lang];
  const c = (code: string, t: string) => (color ? `\x1b[${code}m${t}\x1b[0m` : t);
  const out = [c('1', s.title(d.environment, d.since))];
  const width = Math.min(36, Math.max(3, ...[...d.added, ...d.removed, ...d.changed].map((e) => e.key.length)));
  const line = (sym: string, code: string, label: string, e: DriftEntry) => {
    const where = e.source && e.previousSource && e.source !== e.previousSource ? `${e.previousSource} → ${e.source}` : (e.source ?? e.previousSource ?? '');
    out.push(`  ${c(code, sym)} ${e.key.padEnd(width)}  ${c('2', `${label}${e.secret ? `, ${s.secret}` : ''} (${where})`)}`);
  };
  for (const e of d.added) line('+', '32', s.added, e);
  for (const e of d.removed) line('-', '31', s.removed, e);
  for (const e of d.changed) line('~', '33', s.changed, e);
  if (!d.drift) out.push(`  ${s.none}`);
  out.push(`  ${s.summary(d)}`);
  return out.join('\n') + '\n';
}

export function formatDriftMarkdown(d: DriftResult, lang: Lang): string {
  const s = T[lang];
  const out = [`### ${s.title(`\`${d.environment}\``, d.since)}`, '', `**${s.summary(d)}**`, ''];
  if (d.drift) {
    out.push(`| ${lang === 'ja' ? 'キー' : 'Key'} | ${lang === 'ja' ? '変化' : 'Change'} | ${lang === 'ja' ? 'ソース' : 'Source'} |`, '|---|---|---|');
    const row = (label: string, e: DriftEntry) => out.push(`| \`${e.key}\`${e.secret ? ' 🔒' : ''} | ${label} | \`${e.source ?? e.previousSource ?? ''}\` |`);
    for (const e of d.added) row('➕ ' + s.added, e);
    for (const e of d.removed) row('➖ ' + s.removed, e);
    for (const e of d.changed) row('⚠️ ' + s.changed, e);
    out.push('');
  } else out.push(s.none, '');
  return out.join('\n');
}

export function formatSnapshotTaken(snapshot: Snapshot, previous: Snapshot | undefined, kept: number, lang: Lang): string {
  const s = T[lang];
  const n = Object.keys(snapshot.keys).length;
  const out = [s.taken(snapshot.environment, n, snapshot.timestamp, kept)];
  if (previous) {
    if (previous.digest === snapshot.digest) out.push(s.same);
    else {
      const keys = new Set([...Object.keys(previous.keys), ...Object.keys(snapshot.keys)]);
      let diff = 0;
      for (const k of keys) if (previous.keys[k]?.fp !== snapshot.keys[k]?.fp) diff++;
      out.push(s.differs(diff));
    }
  }
  return out.join('\n') + '\n';
}

export function formatSnapshotList(file: SnapshotFile, env: EnvName | undefined, lang: Lang): string {
  const s = T[lang];
  const list = file.snapshots.filter((x) => !env || x.environment === env);
  if (!list.length) return s.listNone + '\n';
  const out = [s.listTitle, `  ${s.cols[0].padEnd(14)} ${s.cols[1].padEnd(26)} ${s.cols[2].padEnd(10)} ${s.cols[3]}`];
  for (const x of list) out.push(`  ${x.environment.padEnd(14)} ${x.timestamp.padEnd(26)} ${String(Object.keys(x.keys).length).padEnd(10)} ${x.digest.slice(0, 12)}`);
  return out.join('\n') + '\n';
}
