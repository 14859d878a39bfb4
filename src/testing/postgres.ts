/**
 * A real, throw-away PostgreSQL server for tests: `initdb` in a temporary directory, `pg_ctl start`
 * on a free loopback port, password (SCRAM) authentication over TCP, stopped and deleted after.
 * As root (CI runs as root) the server runs as the `postgres` user through `runuser`, since
 * PostgreSQL refuses to run as root. HONBAN_TEST_PG_URL points the tests at an existing server
 * instead. Missing PostgreSQL: the test is skipped with a visible reason, never under CI=true.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IN_CI, which } from './tools.js';

/** Directory of initdb / pg_ctl: on PATH, else Debian's newest /usr/lib/postgresql/<v>/bin. */
export function pgBinDir(): string | undefined {
  const onPath = which('initdb');
  if (onPath && which('pg_ctl')) return path.dirname(onPath);
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')) && existsSync(path.join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/** The `skip` option for node:test: a reason when no PostgreSQL can be had (outside CI), else false. */
export function skipUnlessPostgres(): string | false {
  if (process.env.HONBAN_TEST_PG_URL) return false;
  let reason: string | undefined;
  if (!pgBinDir()) reason = 'PostgreSQL server not installed — install it (apt-get install postgresql) to run this test';
  else if (isRoot() && !postgresUser()) reason = 'running as root without a postgres user to run the server as';
  if (!reason || IN_CI) return false;
  process.stderr.write(`# SKIP: ${reason}\n`);
  return reason;
}

export interface PgServer {
  /** A URL with the password (postgres://honban:…@127.0.0.1:PORT/DB). */
  url(db?: string): string;
  readonly password: string;
  readonly port: number;
  /** The directory of the server's unix socket (absent for HONBAN_TEST_PG_URL). */
  readonly socketDir?: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function createDatabase(url: string, db: string): Promise<void> {
  const pg = (await import('pg')).default as unknown as { Client: new (o: object) => { connect(): Promise<void>; query(s: string): Promise<unknown>; end(): Promise<void> } };
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${db}`);
  } finally {
    await c.end();
  }
}

/** Starts a server (or uses HONBAN_TEST_PG_URL); every call gets its own database. */
export async function startPostgres(): Promise<PgServer> {
  const db = `honban_test_${randomBytes(4).toString('hex')}`;
  const external = process.env.HONBAN_TEST_PG_URL;
  if (external) {
    await createDatabase(external, db);
    const u = new URL(external);
    return {
      url: (name = db) => Object.assign(new URL(external), { pathname: `/${name}` }).toString(),
      password: decodeURIComponent(u.password),
      port: Number(u.port || 5432),
      stop: async () => undefined,
    };
  }
  const bin = pgBinDir();
  if (!bin) throw new Error(`PostgreSQL server required${IN_CI ? ' in CI (CI=true): .ci/run must install postgresql' : ''}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'honban-pg-'));
  const data = path.join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  const pwfile = path.join(dir, 'pw');
  writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  let prefix: string[] = [];
  if (isRoot()) {
    const u = postgresUser();
    if (!u) throw new Error('running as root: a postgres user is needed to run the test server');
    for (const p of [dir, pwfile]) chownSync(p, u.uid, u.gid);
    prefix = ['runuser', '-u', 'postgres', '--'];
  }
  const run = (cmd: string, args: string[], timeout = 120_000) => {
    const full = [...prefix, path.join(bin, cmd), ...args];
    const r = spawnSync(full[0]!, full.slice(1), { encoding: 'utf8', timeout, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
    if (r.status !== 0) {
      const log = existsSync(path.join(dir, 'log')) ? readFileSync(path.join(dir, 'log'), 'utf8').slice(-2000) : '';
      throw new Error(`${cmd} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}\n${log}`);
    }
  };
  run('initdb', ['-D', data, '-U', 'honban', `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  // fsync off: a test server; unix socket in the temp dir (not /var/run/postgresql).
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '90', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, 'start']);
  const url = (name = db) => `postgres://honban:${encodeURIComponent(password)}@127.0.0.1:${port}/${name}`;
  try {
    await createDatabase(url('postgres'), db);
  } catch (e) {
    run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    throw e;
  }
  return {
    url,
    password,
    port,
    socketDir: dir,
    stop: async () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], 60_000);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
