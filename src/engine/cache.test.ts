import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { lastCollectStats, scan } from '../commands/scan.js';
import { lastDiscoveryStats } from './discover.js';
import { decodePack, encodePack, FactCache } from './cache.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'honban-cache-'));
// The HMAC key lives in the user's cache directory: a private one for these tests.
process.env.XDG_CACHE_HOME = path.join(tmp, 'xdg');
const now = new Date('2026-06-01T00:00:00Z');

/** A copy of `src` whose files were last modified an hour ago (as a checkout is: not "racy" for the file index). */
function copyOf(src: string): string {
  const dir = mkdtempSync(path.join(tmp, 'tree-'));
  cpSync(src, dir, { recursive: true });
  const past = new Date(Date.now() - 3600_000);
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) utimesSync(path.join(e.parentPath, e.name), past, past);
  return dir;
}

async function run(dir: string, cache: string | false, extra: { environment?: string; jobs?: number } = {}) {
  const { report } = await scan({ paths: [dir], cache, jobs: 2, now, ...extra });
  return { report: { findings: report.findings, errors: report.errors }, stats: lastCollectStats()!, files: report.scanned };
}

test.after(() => rmSync(tmp, { recursive: true, force: true }));

test('cache: a warm re-scan of an unchanged tree parses nothing and reports the same', { timeout: 120_000 }, async () => {
  const dir = copyOf('examples/flask-leaky');
  const cache = path.join(tmp, 'c1');
  const cold = await run(dir, cache);
  assert.ok(cold.stats.parsed > 5, `parsed ${cold.stats.parsed}`);
  assert.equal(cold.stats.cached, 0);
  const warm = await run(dir, cache);
  // The file index knew every file unchanged: discovery read none of them.
  assert.deepEqual(lastDiscoveryStats(), { read: 0, unchanged: cold.files });
  assert.equal(warm.stats.parsed, 0, 'a parser ran on the warm scan');
  assert.equal(warm.stats.workers, 0, 'a worker was started on the warm scan');
  assert.equal(warm.stats.cached, cold.stats.parsed);
  assert.deepEqual(warm.report, cold.report);
  assert.deepEqual(warm.report, (await run(dir, false)).report);
  // The cache directory ignores itself in git and is private to the user.
  assert.match(readFileSync(path.join(cache, '.gitignore'), 'utf8'), /^\*$/m);
  assert.equal(statSync(path.join(cache, 'facts.pack')).mode & 0o077, 0);
});

test('cache: a changed file is parsed again, its neighbours are not; project collectors follow the tree', { timeout: 120_000 }, async () => {
  const dir = copyOf('test/fixtures/python/flask-app');
  const cache = path.join(tmp, 'c2');
  const cold = await run(dir, cache);
  const views = path.join(dir, 'app/views.py');
  writeFileSync(views, readFileSync(views, 'utf8') + '\nDEBUG_TOOLBAR = True\n');
  const warm = await run(dir, cache);
  // views.py (by the python, file and credentials collectors), and the Dockerfile: the dockerfile
  // collector is project-scoped (its facts depend on the build context), so any change in the tree
  // collects it again.
  assert.equal(warm.stats.parsed, 4, `parsed ${warm.stats.parsed} files after changing one`);
  assert.equal(warm.stats.cached, cold.stats.parsed - 4);
  assert.equal(lastDiscoveryStats().read, 1, 'discovery read only the changed file');
  assert.deepEqual(warm.report, (await run(dir, false)).report);
});

test('cache: the target environment is part of the key', { timeout: 120_000 }, async () => {
  const dir = copyOf('examples/flask-leaky');
  const cache = path.join(tmp, 'c3');
  await run(dir, cache);
  const staging = await run(dir, cache, { environment: 'staging' });
  assert.ok(staging.stats.parsed > 0 && staging.stats.cached === 0, JSON.stringify(staging.stats));
  assert.deepEqual(staging.report, (await run(dir, false, { environment: 'staging' })).report);
});

test('cache: a corrupt pack is ignored, a forged or altered entry is never trusted', { timeout: 120_000 }, async () => {
  const dir = copyOf('examples/flask-leaky');
  const cache = path.join(tmp, 'c4');
  const truth = (await run(dir, cache)).report;
  const pack = path.join(cache, 'facts.pack');
  const good = readFileSync(pack);

  // Truncated.
  writeFileSync(pack, good.subarray(0, Math.floor(good.length / 2)));
  let r = await run(dir, cache);
  assert.ok(r.stats.parsed > 0);
  assert.deepEqual(r.report, truth);

  // Every entry's facts replaced by "nothing here", with a well-formed pack but no valid HMAC.
  const entries = decodePack(good)!;
  assert.ok(entries.length > 5);
  const forged = entries.map(([k, mac, , used]) => [k, mac, serialize({ facts: [], errors: [], secrets: [] }), used] as [string, Buffer, Buffer, number]);
  writeFileSync(pack, encodePack(forged));
  const c = FactCache.open({ dir: cache })!;
  for (const [k] of entries) assert.equal(c.get(k), undefined);
  assert.equal(c.rejected, entries.length);
  r = await run(dir, cache);
  assert.equal(r.stats.cached, 0);
  assert.deepEqual(r.report, truth);

  // Made with another key (another user, or a cache shipped in the repository).
  process.env.XDG_CACHE_HOME = path.join(tmp, 'other-user');
  try {
    r = await run(dir, cache);
    assert.equal(r.stats.cached, 0);
    assert.deepEqual(r.report, truth);
  } finally {
    process.env.XDG_CACHE_HOME = path.join(tmp, 'xdg');
  }
});

test('cache: the pack stays under its size limit', () => {
  const dir = path.join(tmp, 'c5');
  const c = FactCache.open({ dir, maxBytes: 64 * 1024 })!;
  const big = 'x'.repeat(10_000);
  for (let i = 0; i < 50; i++) c.set(`k${i}`, { facts: [{ file: `f${i}`, environment: 'shared', big } as never], errors: [], secrets: [] });
  const w = c.save();
  assert.ok(w.written);
  assert.ok(statSync(path.join(dir, 'facts.pack')).size <= 64 * 1024, `${statSync(path.join(dir, 'facts.pack')).size} bytes`);
  assert.ok(w.entries > 0 && w.entries < 50);
});

test('cache: a file changed behind the file index (same size, mtime put back) is read again', { timeout: 120_000 }, async () => {
  const dir = copyOf('examples/flask-leaky');
  const cache = path.join(tmp, 'c6');
  await run(dir, cache);
  const app = path.join(dir, 'run.py');
  const before = statSync(app);
  const text = readFileSync(app, 'utf8');
  // Same length, another value: the debugger turned off; then the old mtime restored (the ctime still moves).
  const changed = text.replace('debug=True', 'debug=None');
  assert.notEqual(changed, text);
  assert.equal(changed.length, text.length);
  writeFileSync(app, changed);
  utimesSync(app, before.atime, before.mtime);
  const warm = await run(dir, cache);
  assert.equal(lastDiscoveryStats().read, 1);
  assert.deepEqual(warm.report, (await run(dir, false)).report);
});

test('cache: results are the same with one worker, with the default pool and from the cache', { timeout: 180_000 }, async () => {
  for (const example of ['examples/flask-leaky', 'test/fixtures/python/flask-app']) {
    const dir = copyOf(example);
    const cache = path.join(tmp, `c7-${path.basename(example)}`);
    const single = await run(dir, false, { jobs: 1 });
    assert.deepEqual((await run(dir, cache)).report, single.report);
    assert.deepEqual((await run(dir, cache)).report, single.report);
    assert.equal(lastDiscoveryStats().read, 0);
  }
});
