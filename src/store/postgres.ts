/**
 * PostgreSQL through `pg` (node-postgres, pure JavaScript): one client per run, `?` placeholders
 * turned into `$n`, migrations under an advisory lock so that parallel CI jobs sharing one store
 * migrate it once.
 */
import { StoreError, type Db } from './sql.js';

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
  private depth = 0;

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
    if (this.depth > 0) return fn();
    this.depth++;
    await this.q('BEGIN');
    try {
      const out = await fn();
      await this.q('COMMIT');
      return out;
    } catch (e) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      this.depth--;
    }
  }

  async migrationLock<T>(fn: () => Promise<T>): Promise<T> {
    await this.q(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      return await fn();
    } finally {
      await this.client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => undefined);
    }
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
