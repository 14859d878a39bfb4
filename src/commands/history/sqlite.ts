/**
 * SQLite through node-sqlite3-wasm: SQLite compiled to WebAssembly, shipped in the npm package,
 * with a VFS that reads and writes the real file through node:fs (rollback journal, fsync on
 * commit). No native build, no download at install, the same on Node 20 and 22.
 *
 * Its VFS locks a database with a `<file>.lock` directory (mkdir is atomic) for readers and writers
 * alike, so a second honban waits: every statement and transaction is retried while the database
 * is busy, up to `busyTimeoutMs`.
 */
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { L } from '../../lib/i18n.js';
import { Mutex, StoreError, type Db } from './sql.js';

interface WasmDatabase {
  exec(sql: string): void;
  run(sql: string, values?: unknown[]): unknown;
  all(sql: string, values?: unknown[]): Record<string, unknown>[];
  close(): void;
  readonly isOpen: boolean;
  readonly inTransaction: boolean;
}

type WasmModule = { Database: new (file: string, opts?: { fileMustExist?: boolean; readOnly?: boolean }) => WasmDatabase };

let wasm: WasmModule | undefined;
function loadWasm(): WasmModule {
  if (!wasm) {
    const require = createRequire(import.meta.url);
    wasm = require('node-sqlite3-wasm') as WasmModule;
  }
  return wasm;
}

/** A lock directory older than this is left over by a killed process (see retry). */
export const STALE_LOCK_MS = 60_000;

const isBusy = (e: unknown): boolean => /database is locked|SQLITE_BUSY|database table is locked/i.test((e as Error)?.message ?? '');

export interface SqliteOptions {
  /** How long to wait for another process's lock (default 10 s). */
  busyTimeoutMs?: number;
  /** Do not create the file (history: reading a store that must exist). */
  mustExist?: boolean;
}

export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  private readonly db: WasmDatabase;
  private readonly busyTimeoutMs: number;
  private readonly mutex = new Mutex();

  constructor(
    readonly file: string,
    opts: SqliteOptions = {},
  ) {
    this.busyTimeoutMs = opts.busyTimeoutMs ?? 10_000;
    if (!opts.mustExist) mkdirSync(path.dirname(file), { recursive: true });
    const { Database } = loadWasm();
    try {
      this.db = new Database(file, { fileMustExist: !!opts.mustExist });
    } catch (e) {
      throw new StoreError(L(`cannot open ${file}: ${(e as Error).message}`, `${file} を開けません: ${(e as Error).message}`));
    }
  }

  /** Retries `fn` while another process holds the lock. */
  private async retry<T>(fn: () => T): Promise<T> {
    let deadline = Date.now() + this.busyTimeoutMs;
    let wait = 5;
    let brokeStale = false;
    for (;;) {
      try {
        return fn();
      } catch (e) {
        if (!isBusy(e)) throw e instanceof StoreError ? e : new StoreError(L(`${this.file}: ${(e as Error).message}`, `${this.file}: ${(e as Error).message}`));
        if (Date.now() > deadline) {
          // A honban killed while it held the lock leaves the lock directory behind. Every honban
          // transaction takes well under a second: a lock untouched for STALE_LOCK_MS is stale.
          if (!brokeStale && this.breakStaleLock()) {
            brokeStale = true;
            deadline = Date.now() + this.busyTimeoutMs;
            continue;
          }
          throw new StoreError(
            L(
              `${this.file} is locked by another process (for more than ${Math.round(this.busyTimeoutMs / 1000)} s); if no honban is running, remove the directory ${this.file}.lock`,
              `${this.file} は別のプロセスがロックしています (${Math.round(this.busyTimeoutMs / 1000)} 秒以上)。honban が動いていなければディレクトリ ${this.file}.lock を削除してください`,
            ),
          );
        }
        await sleep(wait);
        wait = Math.min(wait * 2, 200);
      }
    }
  }

  private breakStaleLock(): boolean {
    const lock = `${this.file}.lock`;
    try {
      if (Date.now() - statSync(lock).mtimeMs < STALE_LOCK_MS) return false;
      rmdirSync(lock);
      return true;
    } catch {
      return false;
    }
  }

  async exec(sql: string): Promise<void> {
    await this.retry(() => this.db.exec(sql));
  }

  async all<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.retry(() => this.db.all(sql, params as unknown[]) as T[]);
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<void> {
    await this.retry(() => this.db.run(sql, params as unknown[]));
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      // BEGIN IMMEDIATE takes the write lock up front: two writers never interleave.
      await this.retry(() => this.db.exec('BEGIN IMMEDIATE'));
      try {
        const out = await fn();
        await this.retry(() => this.db.exec('COMMIT'));
        return out;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    });
  }

  async migrationLock<T>(fn: () => Promise<T>): Promise<T> {
    // The migration's own BEGIN IMMEDIATE serializes writers; nothing more to take.
    return fn();
  }

  async schemaVersion(): Promise<number | undefined> {
    const exists = await this.all(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'honban_schema'`);
    if (!exists.length) return undefined;
    const [row] = await this.all<{ v: number | null }>('SELECT MAX(version) AS v FROM honban_schema');
    return Number(row?.v ?? 0);
  }

  async bytes(): Promise<number> {
    const [pc] = await this.all<{ page_count: number }>('PRAGMA page_count');
    const [ps] = await this.all<{ page_size: number }>('PRAGMA page_size');
    return Number(pc?.page_count ?? 0) * Number(ps?.page_size ?? 0);
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}
