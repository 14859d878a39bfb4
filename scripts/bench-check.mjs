#!/usr/bin/env node
// Benchmark of `honban check` and its history store.
//
//   1. `honban check` on examples/flask-leaky and examples/flask-hardened through the real CLI
//      (median of 3 wall times), without history and with the default SQLite store.
//   2. The store with 1,000 stored runs (realistic runs: the leaky example's findings, a few
//      appearing and disappearing from run to run), in SQLite and in PostgreSQL:
//      - recording (ms per run), database size per run (bytes on disk / runs);
//      - `history` (list the newest 50) and `history diff` (last two runs): in-process, with the
//        store opened, queried and closed (median of 7; target ≤ 200 ms), and through the CLI
//        (median of 3 wall times, including node's start and, for SQLite, the WebAssembly module);
//        for PostgreSQL also over the server's unix socket (postgres:///db?host=DIR);
//      - retention: pruning to 500 runs.
//   PostgreSQL: a throw-away server (initdb + pg_ctl, as src/testing/postgres.ts does), or
//   HONBAN_TEST_PG_URL; skipped with a message when PostgreSQL is not installed.
//
// Usage: npm run build && node scripts/bench-check.mjs [--runs 1000]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'honban.js');
if (!existsSync(path.join(ROOT, 'dist', 'commands', 'check', 'run.js'))) {
  console.error('bench-check: dist/ is missing — run `npm run build` first');
  process.exit(2);
}
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) > 0 && argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 1000;
const TARGET_MS = 200;

const { check, runInput } = await import('../dist/commands/check/run.js');
const { openStore, storeSpec } = await import('../dist/commands/history/index.js');
const { diffRuns } = await import('../dist/commands/history/diff.js');
const { pgBinDir, startPostgres } = await import('../dist/testing/postgres.js');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const rows = [];
const row = (name, value, target = '', pass) => rows.push({ name, value, target, result: pass === undefined ? '' : pass ? 'PASS' : 'FAIL' });

function cli(args, env = {}) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  const ms = performance.now() - t;
  if (r.status === 2) throw new Error(`honban ${args.join(' ')}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const work = mkdtempSync(path.join(tmpdir(), 'honban-bench-check-'));
const load0 = os.loadavg();

// ── 1. honban check on the examples ───────────────────────────────────────────────────────────
for (const ex of ['flask-leaky', 'flask-hardened']) {
  const dir = path.join(work, ex);
  cpSync(path.join(ROOT, 'examples', ex), dir, { recursive: true });
  rmSync(path.join(dir, '.honban'), { recursive: true, force: true });
  const plain = median([1, 2, 3].map(() => cli(['check', dir, '--no-history', '--format', 'json', '--output', '/dev/null']).ms));
  const stored = median([1, 2, 3].map(() => cli(['check', dir, '--format', 'json', '--output', '/dev/null']).ms));
  row(`check examples/${ex} (CLI, --no-history)`, fmt(plain));
  row(`check examples/${ex} (CLI, stored in SQLite)`, fmt(stored));
}

// ── 2. the store with RUNS runs ────────────────────────────────────────────────────────────────
const leaky = path.join(work, 'flask-leaky');
const { report } = await check({ dir: leaky, history: false, now: new Date('2026-06-01T00:00:00Z') });
const base = runInput(report, 'bench/project');
const PROJECT = 'github.com/acme/memo';
/** Run k: the leaky findings, with every 17th (shifting) fixed and a few new ones; items move too. */
function runK(k) {
  const findings = base.findings.filter((_, i) => (i + k) % 17 !== 0).map((f) => ({ ...f, line: f.line === undefined ? undefined : f.line + (k % 3) }));
  for (let j = 0; j < k % 4; j++) findings.push({ ...base.findings[j % base.findings.length], key: `new-${k}-${j}`, message: `new finding ${k}.${j}` });
  const summary = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  const statusCounts = { open: 0, suppressed: 0, waived: 0, baseline: 0 };
  for (const f of findings) {
    statusCounts[f.status]++;
    if (f.status === 'open') summary[f.severity]++;
  }
  const items = base.items.map((i, n) => (n === k % base.items.length ? { ...i, status: 'done', state: 'met' } : i));
  return { ...base, project: PROJECT, at: new Date(Date.parse('2026-01-01T00:00:00Z') + k * 3_600_000).toISOString(), commit: (k * 2654435761).toString(16).padStart(12, '0'), findings, summary, statusCounts, items };
}

/** `history` and `history diff` in-process: open the store, query, close (7 times each). */
async function openQueryClose(spec) {
  const list = [];
  const diff = [];
  for (let i = 0; i < 7; i++) {
    let t = performance.now();
    let store = await openStore(spec, { mustExist: true });
    const runs = await store.runs(PROJECT, { limit: 50 });
    await store.close();
    list.push(performance.now() - t);
    if (runs.length !== 50) throw new Error(`expected 50 runs, got ${runs.length}`);
    t = performance.now();
    store = await openStore(spec, { mustExist: true });
    const [b, a] = await store.runs(PROJECT, { limit: 2 });
    const d = diffRuns(...(await store.details(PROJECT, [a.id, b.id])));
    await store.close();
    diff.push(performance.now() - t);
    if (!d.new.length && !d.fixed.length) throw new Error('expected a non-empty diff');
  }
  return { list: median(list), diff: median(diff) };
}

async function benchStore(label, spec, socketSpec) {
  let store = await openStore(spec);
  const t0 = performance.now();
  for (let k = 1; k <= RUNS; k++) await store.record(runK(k));
  const recordMs = performance.now() - t0;
  const stats = await store.stats(PROJECT);
  await store.close();
  row(`${label}: record ${RUNS} runs`, `${fmt(recordMs)} (${(recordMs / RUNS).toFixed(1)} ms/run)`);
  row(`${label}: size with ${stats.runs} runs`, `${(stats.bytes / 1024 / 1024).toFixed(2)} MiB = ${(stats.bytes / stats.runs / 1024).toFixed(1)} KiB/run (${stats.runFindings} finding states, ${stats.findings} distinct findings)`);

  const { list, diff } = await openQueryClose(spec);
  row(`${label}: history (50 newest of ${RUNS}), in-process`, fmt(list), `≤ ${TARGET_MS} ms`, list <= TARGET_MS);
  row(`${label}: history diff (last two), in-process`, fmt(diff), `≤ ${TARGET_MS} ms`, diff <= TARGET_MS);
  if (socketSpec) {
    // postgres:///db?host=SOCKETDIR: no TCP; the test server trusts local connections (Debian's
    // default is peer authentication, as cheap), so no SCRAM exchange either.
    const viaSocket = await openQueryClose(socketSpec);
    row(`${label}: history / diff over the unix socket, in-process`, `${fmt(viaSocket.list)} / ${fmt(viaSocket.diff)}`, `≤ ${TARGET_MS} ms`, viaSocket.list <= TARGET_MS && viaSocket.diff <= TARGET_MS);
  }
  // The same queries on an already open store: what the store itself costs, without connecting
  // (PostgreSQL: TCP + SCRAM authentication) or loading the WebAssembly module.
  store = await openStore(spec, { mustExist: true });
  const qList = [];
  const qDiff = [];
  for (let i = 0; i < 7; i++) {
    let t = performance.now();
    await store.runs(PROJECT, { limit: 50 });
    qList.push(performance.now() - t);
    t = performance.now();
    const [b, a] = await store.runs(PROJECT, { limit: 2 });
    diffRuns(...(await store.details(PROJECT, [a.id, b.id])));
    qDiff.push(performance.now() - t);
  }
  await store.close();
  row(`${label}: history / diff queries on an open store`, `${fmt(median(qList))} / ${fmt(median(qDiff))}`);
  const env = { HONBAN_STORE: spec.kind === 'sqlite' ? `sqlite:${spec.target}` : spec.target };
  const cliList = median([1, 2, 3].map(() => cli(['history', '--dir', work, '--project', PROJECT, '--format', 'json'], env).ms));
  const cliDiff = median([1, 2, 3].map(() => cli(['history', 'diff', '--dir', work, '--project', PROJECT, '--format', 'json'], env).ms));
  row(`${label}: honban history (CLI wall)`, fmt(cliList));
  row(`${label}: honban history diff (CLI wall)`, fmt(cliDiff));

  store = await openStore(spec);
  const t = performance.now();
  const removed = await store.prune(PROJECT, { runs: RUNS / 2 }, new Date());
  const pruneMs = performance.now() - t;
  const after = await store.stats(PROJECT);
  await store.close();
  row(`${label}: prune to ${RUNS / 2} runs`, `${fmt(pruneMs)} (${removed} removed; ${after.findings} distinct findings left)`);
}

const sqliteFile = path.join(work, 'store', 'history.sqlite');
await benchStore('SQLite', storeSpec(`sqlite:${sqliteFile}`, work));
row('SQLite: file on disk', `${(statSync(sqliteFile).size / 1024 / 1024).toFixed(2)} MiB`);

if (process.env.HONBAN_TEST_PG_URL || pgBinDir()) {
  const server = await startPostgres();
  try {
    const u = new URL(server.url());
    const socket = server.socketDir ? storeSpec(`postgres://${u.username}@/${u.pathname.slice(1)}?host=${encodeURIComponent(server.socketDir)}&port=${server.port}`, work) : undefined;
    await benchStore('PostgreSQL', storeSpec(server.url(), work), socket);
  } finally {
    await server.stop();
  }
} else {
  row('PostgreSQL', 'skipped: not installed (apt-get install postgresql)');
}
rmSync(work, { recursive: true, force: true });

const w0 = Math.max(...rows.map((r) => r.name.length));
const w1 = Math.max(...rows.map((r) => r.value.length));
const w2 = Math.max(...rows.map((r) => r.target.length));
console.log('');
console.log(`honban check / history store (${RUNS} runs; ${process.platform} ${process.arch}, node ${process.version}, ${os.cpus().length} cores, load ${load0.map((x) => x.toFixed(1)).join(' ')} → ${os.loadavg().map((x) => x.toFixed(1)).join(' ')})`);
console.log(`${'measure'.padEnd(w0)}  ${'value'.padEnd(w1)}  ${'target'.padEnd(w2)}  result`);
console.log(`${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ${'-'.repeat(w2)}  ------`);
for (const r of rows) console.log(`${r.name.padEnd(w0)}  ${r.value.padEnd(w1)}  ${r.target.padEnd(w2)}  ${r.result}`);
const failed = rows.filter((r) => r.result === 'FAIL').length;
console.log(failed ? `\n${failed} target(s) FAILED` : '\nall targets PASS');
process.exitCode = failed ? 1 : 0;
