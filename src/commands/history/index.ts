/**
 * Opening the history store named by `--store`, HONBAN_STORE or honban.yml `history.store`:
 * `sqlite:PATH` (default `<dir>/.honban/history.sqlite`) or `postgres://…` / `postgresql://…`.
 * Opening migrates the schema to the newest version.
 */
import path from 'node:path';
import { ensureHonbanDir, HONBAN_DIR } from '../../lib/honban-dir.js';
import { L } from '../../lib/i18n.js';
import { migrate, SqlStore, StoreError } from './sql.js';
import type { HistoryStore, Keep } from './types.js';

export type { HistoryStore, Keep, RunDetail, RunInput, StoredFinding, StoredItem, Unjudged } from './types.js';
export { StoreError, storeUserError } from './sql.js';

export const DEFAULT_SQLITE = 'history.sqlite';

export interface StoreSpec {
  kind: 'sqlite' | 'postgres';
  /** For sqlite: the absolute path; for postgres: the URL as given (may hold a password). */
  target: string;
  /** Safe to print: the path, or the URL without its password. */
  display: string;
  /** The default store inside the checked directory (gets `.honban/.gitignore`). */
  isDefault?: boolean;
}

/** A path as the user would type it: relative below the current directory, else absolute. */
function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** A postgres URL with its password (in the authority or `?password=`) replaced by ****. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    if (u.searchParams.has('password')) u.searchParams.set('password', '****');
    return u.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//****@');
  }
}

/** The password a store URL carries, if any (to keep it out of every message). */
export function passwordOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return (u.password ? decodeURIComponent(u.password) : undefined) ?? u.searchParams.get('password') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Which store: `raw` (from --store, HONBAN_STORE or honban.yml), else SQLite in `<dir>/.honban/`.
 * A relative `sqlite:PATH` is relative to `base` (the current directory for --store and
 * HONBAN_STORE; the checked directory for honban.yml).
 */
export function storeSpec(raw: string | undefined, dir: string, base: string = process.cwd()): StoreSpec {
  if (!raw) {
    const file = path.join(dir, HONBAN_DIR, DEFAULT_SQLITE);
    return { kind: 'sqlite', target: file, display: shownPath(file), isDefault: true };
  }
  if (/^postgres(ql)?:\/\//i.test(raw)) return { kind: 'postgres', target: raw, display: redactUrl(raw) };
  if (/^sqlite:/i.test(raw)) {
    let p = raw.slice('sqlite:'.length);
    if (p.startsWith('//')) p = p.slice(2);
    if (!p) throw new StoreError(L('--store sqlite: needs a path (sqlite:.honban/history.sqlite)', '--store sqlite: にはパスが必要です (sqlite:.honban/history.sqlite)'));
    const file = path.resolve(base, p);
    return { kind: 'sqlite', target: file, display: shownPath(file) };
  }
  throw new StoreError(L(`a store is sqlite:PATH or postgres://user@host/db, not "${redactUrl(raw)}"`, `ストアは sqlite:PATH か postgres://user@host/db で指定します ("${redactUrl(raw)}" ではなく)`));
}

/** Opens (and migrates) a store. `mustExist`: for reading history, do not create a SQLite file. */
export async function openStore(spec: StoreSpec, opts: { mustExist?: boolean } = {}): Promise<HistoryStore> {
  if (spec.kind === 'sqlite') {
    if (spec.isDefault && !opts.mustExist) ensureHonbanDir(path.dirname(path.dirname(spec.target)));
    const { SqliteDb } = await import('./sqlite.js');
    const db = new SqliteDb(spec.target, { mustExist: opts.mustExist });
    try {
      await migrate(db);
    } catch (e) {
      await db.close();
      throw e;
    }
    return new SqlStore(db, spec.display);
  }
  const { PostgresDb } = await import('./postgres.js');
  const db = await PostgresDb.connect(spec.target, spec.display);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return new SqlStore(db, spec.display);
}

/** `180d` → 180 days; `500` → the newest 500 runs. */
export function parseKeep(v: string | number | undefined): Keep {
  if (v === undefined) return {};
  const s = String(v).trim();
  const m = /^([1-9]\d*)(d?)$/.exec(s);
  if (!m) throw new StoreError(L(`--keep must be a number of days (180d) or of runs (500), not "${s}"`, `--keep は日数 (180d) か実行回数 (500) にしてください ("${s}" ではなく)`));
  return m[2] ? { days: Number(m[1]) } : { runs: Number(m[1]) };
}
