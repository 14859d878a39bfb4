/**
 * The history store against a real PostgreSQL server (src/testing/postgres.ts starts one in a
 * temporary directory; HONBAN_TEST_PG_URL uses an existing one).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { skipUnlessPostgres, startPostgres, type PgServer } from '../../testing/postgres.js';
import { storeContract, run } from '../../testing/store-contract.js';
import { openStore, storeSpec } from './index.js';
import { PostgresDb, numbered } from './postgres.js';

const skip = skipUnlessPostgres();
let server: PgServer | undefined;

before(async () => {
  if (!skip) server = await startPostgres();
});
after(async () => {
  await server?.stop();
});

let current = '';
let n = 0;
async function freshDatabase(): Promise<string> {
  // Each contract test gets its own database on the one server.
  const admin = await PostgresDb.connect(server!.url('postgres'), 'admin');
  const name = `contract_${process.pid}_${++n}`;
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  return server!.url(name);
}

storeContract(
  'postgres',
  {
    open: async () => {
      current = await freshDatabase();
      return openStore(storeSpec(current, '/nowhere'));
    },
    db: async () => PostgresDb.connect(current, 'test'),
  },
  skip,
);

test('postgres: `?` placeholders become $1, $2 …', () => {
  assert.equal(numbered('SELECT ? , ?, (?)'), 'SELECT $1 , $2, ($3)');
});

test('postgres: parallel first runs (two CI jobs on a new shared store) migrate it once', { skip }, async () => {
  const url = await freshDatabase();
  const stores = await Promise.all([1, 2, 3].map(() => openStore(storeSpec(url, '/nowhere'))));
  try {
    const ids = await Promise.all(stores.map((s, k) => s.record(run('p', `2026-11-0${k + 1}T00:00:00.000Z`, []))));
    assert.equal(new Set(ids).size, 3);
    const db = await PostgresDb.connect(url, 'test');
    try {
      assert.deepEqual(await db.all('SELECT version FROM honban_schema ORDER BY version'), [{ version: 1 }]);
    } finally {
      await db.close();
    }
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
});

test('postgres: a wrong password or an unreachable server is a clear error that never shows the password', { skip }, async () => {
  const wrong = server!.url().replace(encodeURIComponent(server!.password), 'Wr0ng-Passw0rd-xyz');
  await assert.rejects(openStore(storeSpec(wrong, '/nowhere')), (e: Error) => {
    assert.match(e.message, /cannot connect to postgres:\/\/honban:\*\*\*\*@127\.0\.0\.1:\d+\/.*password authentication failed/);
    assert.ok(!e.message.includes('Wr0ng-Passw0rd-xyz'));
    return true;
  });
  const closed = `postgres://honban:${encodeURIComponent(server!.password)}@127.0.0.1:1/x`;
  await assert.rejects(openStore(storeSpec(closed, '/nowhere')), (e: Error) => {
    assert.match(e.message, /cannot connect to postgres:\/\/honban:\*\*\*\*@127\.0\.0\.1:1\/x: .*ECONNREFUSED/);
    assert.ok(!e.message.includes(server!.password));
    return true;
  });
});

test('postgres: the unix-socket form postgres:///DB?host=DIR reaches the same store; no Cloudflare probe loads fetch', { skip: skip || (!process.env.HONBAN_TEST_PG_URL ? false : 'HONBAN_TEST_PG_URL: no local socket') }, async () => {
  const url = await freshDatabase();
  const tcp = await openStore(storeSpec(url, '/nowhere'));
  const id = await tcp.record(run('p', '2026-11-01T00:00:00.000Z', []));
  await tcp.close();
  const db = new URL(url).pathname.slice(1);
  const socketUrl = `postgres://honban@/${db}?host=${encodeURIComponent(server!.socketDir!)}&port=${server!.port}`;
  const spec = storeSpec(socketUrl, '/nowhere');
  assert.equal(spec.kind, 'postgres');
  const viaSocket = await openStore(spec, { mustExist: true });
  try {
    assert.deepEqual((await viaSocket.runs('p')).map((r) => r.id), [id]);
    assert.equal((await viaSocket.details('p', [id, 999_999]))[1], undefined);
  } finally {
    await viaSocket.close();
  }
  // pg was loaded with a stand-in navigator: it is gone again (Node 20 has none of its own).
  if (Number(process.versions.node.split('.')[0]) < 21) assert.equal((globalThis as { navigator?: unknown }).navigator, undefined);
});
