/**
 * PostgreSQL through `pg` (node-postgres, pure JavaScript): one client per run, `?` placeholders
 * turned into `$n`, migrations under an advisory lock so that parallel CI jobs sharing one store
 * migrate it once.
 *
 * Opening and closing are most of what `honban history` costs (the queries take a few ms), so:
 * `pg` is loaded only here, without its Cloudflare-Workers probe (below); the schema check is one
 * query; closing sends Terminate and returns once it is written, not after the server's process
 * has exited. A unix socket (`postgres:///db?host=/var/run/postgresql`) skips TCP; SSL is
 * negotiated only when the URL asks for it (`sslmode=`), as `pg` does.
 */
import { L } from '../../lib/i18n.js';
import { Mutex, StoreError, type Db } from './sql.js';

type PgClient = {
  connection?: { stream?: { once?(ev: 'finish', fn: () => void): void; unref?(): void; writableFinished?: boolean } };
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
  on(ev: 'error', fn: (e: Error) => void): void;
};

/** Arbitrary, fixed key of honban's migration lock. */
const MIGRATION_LOCK = 7_391_502_118;

type PgModule = { Client: new (o: object) => PgClient };
let pgModule: Promise<PgModule> | undefined;

/**
 * `pg`, loaded once. On Node 20 (no `navigator` global) `pg` tells Node from Cloudflare Workers at
 * load time by constructing a fetch `Response`, which loads Node's whole fetch implementation
 * (undici): about 110 ms of the 280 ms `pg` takes to load on a busy 2-core machine. A `navigator`
 * whose user agent is not Workers' answers the same question for free; it exists only while `pg`
 * loads (Node 21+ has its own, and then nothing is done).
 */
export function loadPg(): Promise<PgModule> {
  pgModule ??= (async () => {
    const g = globalThis as { navigator?: unknown };
    const shim = g.navigator === undefined;
    if (shim) Object.defineProperty(g, 'navigator', { value: { userAgent: `Node.js/${process.versions.node}` }, configurable: true, writable: true });
    try {
      return (await import('pg')).default as unknown as PgModule;
    } finally {
      if (shim) delete g.navigator;
    }
  })();
  return pgModule;
}

/** `?` → `$1`, `$2` … (honban's SQL has no `?` inside literals). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export class PostgresDb implements Db {
  readonly dialect = 'postgres' as const;
  private readonly mutex = new Mutex();

  private constructor(private readonly client: PgClient) {}

  /** Connects; errors name the store without its password. */
  static async connect(url: string, display: string, opts: { connectTimeoutMs?: number } = {}): Promise<PostgresDb> {
    const pg = await loadPg();
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000, application_name: 'honban' });
    // A dropped connection after connect would otherwise be an unhandled 'error' event.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (e) {
      throw new StoreError(L(`cannot connect to ${display}: ${pgMessage(e)}`, `${display} に接続できません: ${pgMessage(e)}`));
    }
    return new PostgresDb(client);
  }

  async exec(sql: string): Promise<void> {
    await this.q(sql);
  }

  async all<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.q(numbered(sql), params)).rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<void> {
    await this.q(numbered(sql), params);
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    // One client: its transactions must not interleave.
    return this.mutex.run(async () => {
      await this.q('BEGIN');
      try {
        const out = await fn();
        await this.q('COMMIT');
        return out;
      } catch (e) {
        await this.client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  async migrationLock<T>(fn: () => Promise<T>): Promise<T> {
    await this.q(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      return await fn();
    } finally {
      await this.client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => undefined);
    }
  }

  /** One round trip: the table's absence is the server's "undefined table" error (42P01). */
  async schemaVersion(): Promise<number | undefined> {
    try {
      const r = await this.client.query('SELECT MAX(version) AS v FROM honban_schema');
      return Number(r.rows[0]?.v ?? 0);
    } catch (e) {
      if ((e as { code?: string }).code === '42P01') return undefined;
      throw new StoreError(L(`PostgreSQL: ${pgMessage(e)}`, `PostgreSQL: ${pgMessage(e)}`));
    }
  }

  async bytes(): Promise<number> {
    const { rows } = await this.q(`SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND c.relname LIKE 'honban\\_%' AND n.nspname = current_schema()`);
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Sends Terminate and half-closes the socket; returns once that is written. Waiting for the
   * server to close its side (its backend process exiting) added 10–20 ms to every `honban
   * history`; the socket no longer keeps the process alive and closes when the server is done.
   */
  async close(): Promise<void> {
    const ended = this.client.end().catch(() => undefined);
    const stream = this.client.connection?.stream;
    if (!stream?.once || !stream.unref) return ended;
    const written = new Promise<void>((resolve) => (stream.writableFinished ? resolve() : stream.once!('finish', resolve)));
    await Promise.race([ended, written]);
    stream.unref();
  }

  private async q(sql: string, params?: readonly unknown[]) {
    try {
      return await this.client.query(sql, params as unknown[] | undefined);
    } catch (e) {
      throw new StoreError(L(`PostgreSQL: ${pgMessage(e)}`, `PostgreSQL: ${pgMessage(e)}`));
    }
  }
}

/** The server's message (never the connection string, which may hold a password). */
function pgMessage(e: unknown): string {
  const err = e as { message?: string; code?: string };
  const msg = err.message || String(e);
  return err.code && !msg.includes(err.code) ? `${msg} (${err.code})` : msg;
}
