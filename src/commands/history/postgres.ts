/**
 * PostgreSQL through `pg` (node-postgres, pure JavaScript): one client per run, `?` placeholders
 * turned into `$n`, migrations under an advisory lock so that parallel CI jobs sharing one store
 * migrate it once.
 */
import { Mutex, StoreError, type Db } from './sql.js';

type PgClient = {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
  on(ev: 'error', fn: (e: Error) => void): void;
};

/** Arbitrary, fixed key of honban's migration lock. */
const MIGRATION_LOCK = 7_391_502_118;

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
    const pg = (await import('pg')).default as unknown as { Client: new (o: object) => PgClient };
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000, application_name: 'honban' });
    // A dropped connection after connect would otherwise be an unhandled 'error' event.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (e) {
      throw new StoreError(`cannot connect to ${display}: ${pgMessage(e)}`);
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

  async schemaVersion(): Promise<number | undefined> {
    const { rows } = await this.q(`SELECT CASE WHEN to_regclass('honban_schema') IS NULL THEN NULL ELSE 1 END AS present`);
    if (rows[0]?.present === null || rows[0]?.present === undefined) return undefined;
    const r = await this.q('SELECT MAX(version) AS v FROM honban_schema');
    return Number(r.rows[0]?.v ?? 0);
  }

  async bytes(): Promise<number> {
    const { rows } = await this.q(`SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND c.relname LIKE 'honban\\_%' AND n.nspname = current_schema()`);
    return Number(rows[0]?.n ?? 0);
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }

  private async q(sql: string, params?: readonly unknown[]) {
    try {
      return await this.client.query(sql, params as unknown[] | undefined);
    } catch (e) {
      throw new StoreError(`PostgreSQL: ${pgMessage(e)}`);
    }
  }
}

/** The server's message (never the connection string, which may hold a password). */
function pgMessage(e: unknown): string {
  const err = e as { message?: string; code?: string };
  const msg = err.message || String(e);
  return err.code && !msg.includes(err.code) ? `${msg} (${err.code})` : msg;
}
