import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { storeContract, run } from '../../testing/store-contract.js';
import { openStore, parseKeep, redactUrl, storeSpec } from './index.js';
import { SqliteDb } from './sqlite.js';

const root = mkdtempSync(path.join(tmpdir(), 'honban-sqlite-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
let last = '';

storeContract(
  'sqlite',
  {
    open: async () => {
      last = path.join(root, `s${++n}`, 'history.sqlite');
      return openStore({ kind: 'sqlite', target: last, display: last });
    },
    db: async () => new SqliteDb(last),
  },
  false,
);

test('sqlite: the default store is .honban/history.sqlite in the checked directory, git-ignored, readable by its owner only', async () => {
  const dir = path.join(root, 'repo');
  mkdirSync(dir);
  const spec = storeSpec(undefined, dir);
  assert.equal(spec.target, path.join(dir, '.honban', 'history.sqlite'));
  const s = await openStore(spec);
  await s.record(run('p', new Date().toISOString(), []));
  await s.close();
  assert.equal(readFileSync(path.join(dir, '.honban', '.gitignore'), 'utf8').split('\n').filter((l) => !l.startsWith('#'))[0], '*');
  assert.equal(statSync(spec.target).mode & 0o077, 0, 'no group/other access');
  assert.equal(statSync(path.join(dir, '.honban')).mode & 0o077, 0);
});

test('sqlite: reading a store that does not exist creates nothing', async () => {
  const file = path.join(root, 'absent', 'h.sqlite');
  await assert.rejects(openStore({ kind: 'sqlite', target: file, display: file }, { mustExist: true }), /cannot open/);
  assert.throws(() => statSync(path.dirname(file)));
});

test('sqlite: a file that is not a database is a clear error, not a crash', async () => {
  const file = path.join(root, 'garbage.sqlite');
  writeFileSync(file, 'this is not a database, just text '.repeat(200));
  await assert.rejects(openStore({ kind: 'sqlite', target: file, display: file }), (e: Error) => e.name === 'StoreError' && /not a database|file is not a database/i.test(e.message));
});

test('sqlite: a lock left by a killed process is broken once it is stale; a fresh one is respected: the second writer waits, then names the lock to remove', async () => {
  const file = path.join(root, 'locked', 'h.sqlite');
  const s = await openStore({ kind: 'sqlite', target: file, display: file });
  await s.close();
  mkdirSync(`${file}.lock`);
  const old = new Date(Date.now() - 10 * 60_000);
  utimesSync(`${file}.lock`, old, old);
  const db = new SqliteDb(file, { busyTimeoutMs: 200 });
  try {
    await db.run('INSERT INTO honban_schema (version, name, applied_at) VALUES (?, ?, ?)', [99, 'x', 'now']);
  } finally {
    await db.close();
  }
  mkdirSync(`${file}.lock`); // fresh: somebody is writing right now
  const db2 = new SqliteDb(file, { busyTimeoutMs: 300 });
  try {
    await assert.rejects(db2.run('DELETE FROM honban_schema WHERE version = 99'), /locked by another process .* remove the directory .*h\.sqlite\.lock/);
  } finally {
    await db2.close();
    rmSync(`${file}.lock`, { recursive: true });
  }
});

test('store URLs: sqlite:PATH, postgres URLs shown without their password, retention values', () => {
  assert.equal(storeSpec('sqlite:/tmp/x.sqlite', '/repo').target, '/tmp/x.sqlite');
  assert.equal(storeSpec('sqlite:rel/x.sqlite', '/repo').target, path.resolve('rel/x.sqlite'));
  const pg = storeSpec('postgres://honban:s3cr3t-Pa55@db.internal:5432/honban?sslmode=require', '/repo');
  assert.equal(pg.kind, 'postgres');
  assert.equal(pg.display, 'postgres://honban:****@db.internal:5432/honban?sslmode=require');
  assert.equal(redactUrl('postgresql://u@h/db?password=hunter2hunter2'), 'postgresql://u@h/db?password=****');
  assert.throws(() => storeSpec('mysql://x', '/repo'), /sqlite:PATH or postgres/);
  assert.throws(() => storeSpec('sqlite:', '/repo'), /needs a path/);
  assert.deepEqual(parseKeep('180d'), { days: 180 });
  assert.deepEqual(parseKeep(500), { runs: 500 });
  assert.deepEqual(parseKeep(undefined), {});
  assert.throws(() => parseKeep('6 months'), /180d/);
});
