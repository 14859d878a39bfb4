import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { collectFacts } from './collect.js';
import { discover } from './discover.js';
import { ALL_RULES } from '../rules/index.js';
import { neededFacts } from './collect.js';
import { lastCollectStats, scan } from '../commands/scan.js';

/** The examples and every fixture project: the trees the equivalence tests run on. */
function trees(): string[] {
  const out = ['examples/flask-leaky', 'examples/flask-hardened'];
  for (const domain of readdirSync('test/fixtures')) {
    const d = path.join('test/fixtures', domain);
    for (const name of readdirSync(d)) if (statSync(path.join(d, name)).isDirectory()) out.push(path.join(d, name));
  }
  return out;
}

const report = async (dir: string, jobs: number, parseEveryFile = false) => {
  const { report } = await scan({ paths: [dir], jobs, cache: false, now: new Date('2026-06-01T00:00:00Z'), parseEveryFile });
  return { findings: report.findings, errors: report.errors, summary: report.summary, scanned: report.scanned };
};

test('worker pool: the same report as a single-threaded run on the examples and every fixture, and as a run that parses every file', { timeout: 600_000 }, async () => {
  const dirs = trees();
  assert.ok(dirs.length >= 10, `only ${dirs.length} trees`);
  for (const dir of dirs) {
    const single = await report(dir, 0);
    const pooled = await report(dir, 3);
    assert.deepEqual(pooled, single, dir);
    const stats = lastCollectStats()!;
    if (stats.parsed > 0) assert.ok(stats.workers >= 1, `${dir}: no worker ran`);
    // Files left unparsed because no rule can use them (collect/python/relevance.ts) change no finding.
    const every = await report(dir, 0, true);
    assert.deepEqual(every.findings, single.findings, `${dir}: findings differ when every file is parsed`);
  }
});

/** Dictionaries without a prototype (`Object.create(null)`) count as plain objects; class instances, Maps, functions do not. */
function plain(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(plain);
  if (x && typeof x === 'object') {
    const proto = Object.getPrototypeOf(x);
    if (proto !== null && proto !== Object.prototype) return x;
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)]));
  }
  return x;
}

test('facts are plain data: every fact of the examples and fixtures survives structuredClone unchanged', { timeout: 300_000 }, async () => {
  for (const dir of trees()) {
    const { files } = await discover([dir]);
    const { facts } = await collectFacts(files, neededFacts(ALL_RULES), { environment: 'production' });
    for (const [name, list] of Object.entries(facts)) {
      for (const f of list ?? []) {
        if (!isDeepStrictEqual(plain(structuredClone(f)), plain(f))) assert.fail(`${dir}: a ${name} fact of ${f.file} is not plain data (class instance, function or Map-like state)`);
      }
    }
  }
});

test('time budget: a file over it becomes an error naming the file and the budget; the others are analysed', { timeout: 120_000 }, async () => {
  const big = `${Array.from({ length: 40_000 }, (_, i) => `X${i} = os.environ.get("V${i}", "${i}")`).join('\n')}\n`;
  const { report } = await scan({
    files: [
      { path: 'app/huge.py', content: `import os\n${big}` },
      { path: 'app/small.py', content: 'import os\nDEBUG = os.environ.get("DEBUG", "1")\n' },
      { path: '.env.production', content: 'DEBUG=True\n' },
    ],
    config: {},
    jobs: 1,
    fileTimeoutMs: 50,
  });
  // The Python collector's entry (the credentials scanner reads every text file and may run over too: its own entry).
  const errs = report.errors.filter((e) => e.file === 'app/huge.py' && e.message.startsWith('python:'));
  assert.equal(errs.length, 1, JSON.stringify(report.errors));
  for (const e of report.errors) assert.match(e.message, /^\w+: not analysed: parsing and extraction took longer than the 50 ms budget per file \(--file-timeout\)$/);
  assert.match(errs[0]!.message, /^python: not analysed: parsing and extraction took longer than the 50 ms budget per file \(--file-timeout\)$/);
  // the run went on: the .env file was judged
  assert.ok(report.findings.some((f) => f.file === '.env.production'), 'the scan stopped at the slow file');
});

test('a file that changed or vanished between discovery and its worker is an error entry naming it, not facts of other content', { timeout: 60_000 }, async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const { runPool, lookupResult } = await import('./pool.js');
  const { hashContent } = await import('./cache.js');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'honban-pool-'));
  try {
    const seen = 'import os\nDEBUG = os.environ.get("DEBUG", "1")\n';
    const file = (name: string, hash: string) => ({ path: name, absPath: path.join(dir, name), content: seen, kind: 'python' as const, environment: 'shared', gitIgnored: false, hash });
    writeFileSync(path.join(dir, 'same.py'), seen);
    writeFileSync(path.join(dir, 'changed.py'), seen + 'SECRET_KEY = "x"\n');
    const tasks = [file('same.py', hashContent(seen)), file('changed.py', hashContent(seen)), file('gone.py', hashContent(seen))].map((f) => ({ kind: 'file' as const, file: f, jobs: [{ name: 'python' }] }));
    const out = await runPool(tasks, { jobs: 1, budgetMs: 10_000, environment: 'production', customEnvs: [], table: tasks.map((t) => t.file) });
    const same = lookupResult(out, 'python', 'same.py')!;
    assert.deepEqual(same.errors, []);
    assert.equal((same.facts[0] as unknown as { envReads: unknown[] }).envReads.length, 1);
    assert.deepEqual(lookupResult(out, 'python', 'changed.py')!.errors.map((e) => e.message), ['python: not analysed: the file changed while it was scanned']);
    assert.equal(lookupResult(out, 'python', 'changed.py')!.facts.length, 0);
    assert.deepEqual(lookupResult(out, 'python', 'gone.py')!.errors.map((e) => e.message), ['python: not analysed: it can no longer be read (no such file)']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
