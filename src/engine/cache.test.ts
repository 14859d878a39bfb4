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

async function run(dir: string, cache: string | false, extra: { environment?: string; jobs?: number; now?: Date } = {}) {
  const { report } = await scan({ paths: [dir], cache, jobs: 2, now, ...extra });
  return { report: { findings: report.findings, errors: report.errors }, stats: lastCollectStats()!, files: report.scanned };
}

const runOnce = run;

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
  // The last result answered: no parser, no worker, no rule.
  assert.deepEqual(warm.stats, { parsed: 0, cached: 0, skipped: 0, workers: 0, timeouts: 0, result: true });
  assert.deepEqual(warm.report, cold.report);
  // Without it, the fact cache answers every file.
  rmSync(path.join(cache, 'result.bin'));
  const facts = await run(dir, cache);
  assert.equal(facts.stats.parsed, 0, 'a parser ran on the warm scan');
  assert.equal(facts.stats.workers, 0, 'a worker was started on the warm scan');
  assert.equal(facts.stats.cached, cold.stats.parsed);
  assert.deepEqual(facts.report, cold.report);
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
  // What the pack answers (the last result would answer first).
  const result = path.join(cache, 'result.bin');
  const packRun = (d: string, c: string) => (rmSync(result, { force: true }), runOnce(d, c));

  // Truncated.
  writeFileSync(pack, good.subarray(0, Math.floor(good.length / 2)));
  let r = await packRun(dir, cache);
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
  r = await packRun(dir, cache);
  assert.equal(r.stats.cached, 0);
  assert.deepEqual(r.report, truth);

  // Made with another key (another user, or a cache shipped in the repository).
  process.env.XDG_CACHE_HOME = path.join(tmp, 'other-user');
  try {
    r = await packRun(dir, cache);
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

test('cache: on the examples and every fixture, a cold and a warm cached scan report what an uncached one does', { timeout: 900_000 }, async () => {
  const dirs = ['examples/flask-leaky', 'examples/flask-hardened'];
  for (const domain of readdirSync('test/fixtures')) {
    const d = path.join('test/fixtures', domain);
    for (const name of readdirSync(d)) if (statSync(path.join(d, name)).isDirectory()) dirs.push(path.join(d, name));
  }
  assert.ok(dirs.length >= 10, `only ${dirs.length} trees`);
  for (const [i, src] of dirs.entries()) {
    const dir = copyOf(src);
    const cache = path.join(tmp, `c8-${i}`);
    const plain = await run(dir, false);
    const cold = await run(dir, cache);
    assert.deepEqual(cold.report, plain.report, `${src}: cold cache`);
    const warm = await run(dir, cache);
    assert.deepEqual(warm.report, plain.report, `${src}: warm cache`);
    assert.equal(warm.stats.parsed, 0, `${src}: a collector ran on the warm scan`);
    // (Files discovery does not index — binary ones it lists as skipped — are read on every scan.)
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cache: the last result answers only the same tree, configuration, environment and day; a forged one is ignored; it holds no secret value', { timeout: 120_000 }, async () => {
  const dir = copyOf('examples/flask-leaky');
  const cache = path.join(tmp, 'c9');
  const result = path.join(cache, 'result.bin');
  const cold = await run(dir, cache);
  assert.equal((await run(dir, cache)).stats.result, true);
  // No secret value of the tree is in the stored result (the report is masked; findings keep no secret).
  const bytes = readFileSync(result);
  for (const v of ['q8Vd2LrX0tYbN5mKc7WfJ3sHa9PzE1uGi4oRl6Te', 'AKIAZ3MLQW7RT2XK9PVB']) {
    assert.ok(!bytes.includes(Buffer.from(v, 'latin1')) && !bytes.includes(Buffer.from(v, 'utf16le')), `${v.slice(0, 4)}… is in result.bin`);
  }
  // Another day (waivers expire), another environment, another honban.yml: judged again.
  assert.equal((await run(dir, cache, { now: new Date('2026-06-02T00:00:00Z') })).stats.result, undefined);
  assert.equal((await run(dir, cache, { environment: 'staging' })).stats.result, undefined);
  writeFileSync(path.join(dir, 'honban.yml'), readFileSync(path.join(dir, 'honban.yml'), 'utf8').replace(/^failOn: high$/m, 'failOn: critical'));
  const reconfigured = await run(dir, cache);
  assert.equal(reconfigured.stats.result, undefined);
  assert.equal((await run(dir, cache)).stats.result, true);
  // A result whose body was altered (here: every finding removed) is not trusted.
  const good = readFileSync(result);
  const forged = Buffer.concat([good.subarray(0, good.length - 64), Buffer.alloc(64)]);
  writeFileSync(result, forged);
  const r = await run(dir, cache);
  assert.equal(r.stats.result, undefined);
  assert.deepEqual(r.report, reconfigured.report);
  // Made with another key: ignored as well.
  process.env.XDG_CACHE_HOME = path.join(tmp, 'third-user');
  try {
    assert.equal((await run(dir, cache)).stats.result, undefined);
  } finally {
    process.env.XDG_CACHE_HOME = path.join(tmp, 'xdg');
  }
  assert.ok(cold.report.findings.length > 10);
});

test('cache: a FIFO or a huge file planted under the names of the cache files is ignored, never read or waited on', { timeout: 60_000 }, async () => {
  const { execFileSync } = await import('node:child_process');
  const { openSync, ftruncateSync, closeSync, mkdirSync } = await import('node:fs');
  const dir = copyOf('examples/flask-leaky');
  const truth = (await run(dir, false)).report;
  for (const [name, plant] of [
    ['result.bin', 'fifo'],
    ['files.index', 'fifo'],
    ['facts.pack', 'fifo'],
    ['result.bin', 'huge'],
    ['facts.pack', 'huge'],
  ] as const) {
    const cache = mkdtempSync(path.join(tmp, 'planted-'));
    mkdirSync(cache, { recursive: true });
    const file = path.join(cache, name);
    if (plant === 'fifo') execFileSync('mkfifo', [file]);
    else {
      // 300 MiB, sparse: larger than any cache file honban would read
      const fd = openSync(file, 'w');
      ftruncateSync(fd, 300 * 1024 * 1024);
      closeSync(fd);
    }
    const r = await run(dir, cache);
    assert.deepEqual(r.report, truth, `${plant} ${name}`);
  }
});
