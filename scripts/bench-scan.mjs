#!/usr/bin/env node
// Benchmark of `honban scan` (issue 12): speed against bandit, the cache, memory, start-up, scaling.
//
//   npm run bench -- [NETBOX_DIR] [--runs N] [--bandit-runs N] [--sizes 1000,2000,4000,8000] [--no-warmup]
//   node scripts/bench-scan.mjs [same]
//
// Measures, through the real CLI (`node bin/honban.js scan DIR --format json --output /dev/null
// --fail-on none`), each a median of several runs:
//   - the synthetic corpus of 4,250 files (scripts/lib/corpus.mjs: 250 small services, each with ten
//     filler Python modules), cold (--no-cache), against `bandit -r` on the same tree — ratio ≤ 0.15;
//   - a real large Python repository (netbox 43fe81f, laid out at NETBOX_DIR, default
//     /work/realworld/netbox-community+netbox), cold, against bandit — ratio ≤ 0.15;
//   - a warm re-scan of the unchanged corpus (the fact cache answers) — ≤ 1 s;
//   - peak RSS of the process (all worker threads included), largest cold scan — ≤ 300 MB;
//   - `honban --version` — ≤ 150 ms;
//   - time per file from 1,000 to 8,000 files: (T(N) − T(B)) / (N − B), B the 137-file corpus of one
//     service of each kind (the start-up of node, modules, rules, workers and every grammar left
//     out), within ±20 % of the median.
// bandit comes from Debian's package `bandit`; it is installed with apt-get when missing (as root).
// Wall time is what the targets judge; CPU time (user + system) is printed beside it, and so is the
// load average: on a shared machine wall time also measures the queue for a core.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpus, countFiles, FILES_PER_SERVICE } from './lib/corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench-out', 'scan');
const argv = process.argv.slice(2);
const flag = (name, d) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : d;
};
const RUNS = Number(flag('--runs', '3'));
const BANDIT_RUNS = Number(flag('--bandit-runs', '1'));
const SIZES = flag('--sizes', '1000,2000,4000,8000').split(',').map(Number);
// One unmeasured run before each measure fills the file system cache; --no-warmup leaves it out
// (on a busy machine, to save time; the first measured run then also reads the disk).
const WARMUP = !argv.includes('--no-warmup');
const warmup = (target) => WARMUP && honban(target, { runs: 1 });
const VALUED = new Set(['--runs', '--bandit-runs', '--sizes']);
const positional = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && VALUED.has(argv[i - 1])));
const NETBOX = positional[0] ?? '/work/realworld/netbox-community+netbox';
const MAIN_SERVICES = 250;

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const RSS_HOOK = path.join(OUT, 'rss-hook.mjs');
const RSS_FILE = path.join(OUT, 'rss.txt');

function run(cmd, args, { cwd = ROOT, env = {} } = {}) {
  const t0 = performance.now();
  const full = TIME ? [TIME, ['-f', '@@cpu %U %S', cmd, ...args]] : [cmd, args];
  const r = spawnSync(full[0], full[1], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const m = /@@cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  return { ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN, status: r.status, stderr: (r.stderr ?? '').replace(/@@cpu.*$/s, '') };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

/** honban scan, median of `runs`: wall, CPU, peak RSS (MB, the largest of the runs). */
function honban(target, { runs = RUNS, cache = false, cacheDir } = {}) {
  const ms = [];
  const cpu = [];
  let rss = 0;
  let status = 0;
  let stderr = '';
  for (let i = 0; i < runs; i++) {
    rmSync(RSS_FILE, { force: true });
    const args = ['--import', new URL(`file://${RSS_HOOK}`).href, 'bin/honban.js', 'scan', target, '--format', 'json', '--output', '/dev/null', '--fail-on', 'none', '--quiet'];
    if (cache) args.push('--cache-location', cacheDir);
    else args.push('--no-cache');
    const r = run(process.execPath, args, { env: { HONBAN_BENCH_RSS: RSS_FILE } });
    ms.push(r.ms);
    cpu.push(r.cpuMs);
    status = r.status;
    stderr = r.stderr;
    if (existsSync(RSS_FILE)) rss = Math.max(rss, Number(readFileSync(RSS_FILE, 'utf8')) / 1024);
  }
  if (status !== 0) console.error(`honban scan ${target} exited ${status}: ${stderr.slice(0, 2000)}`);
  return { ms: median(ms), cpuMs: median(cpu), rssMb: rss, status, all: ms };
}

function bandit(target, runs = BANDIT_RUNS) {
  const ms = [];
  const cpu = [];
  let status;
  for (let i = 0; i < runs; i++) {
    const r = run('bandit', ['-r', target, '-q', '-f', 'json', '-o', path.join(OUT, 'bandit.json')]);
    ms.push(r.ms);
    cpu.push(r.cpuMs);
    status = r.status;
    if (r.status !== 0 && r.status !== 1) console.error(`bandit exited ${r.status}: ${r.stderr.slice(0, 1000)}`);
  }
  return { ms: median(ms), cpuMs: median(cpu), status };
}

function ensureBandit() {
  if (spawnSync('bandit', ['--version'], { encoding: 'utf8' }).status === 0) return true;
  console.log('bandit is not installed: installing the Debian package `bandit` with apt-get …');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = (...a) => spawnSync(root ? 'apt-get' : 'sudo', root ? a : ['-n', 'apt-get', ...a], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt('update', '-qq');
  apt('install', '-y', '-qq', '--no-install-recommends', 'bandit');
  return spawnSync('bandit', ['--version'], { encoding: 'utf8' }).status === 0;
}

// ── run ────────────────────────────────────────────────────────────────────────────────────────
mkdirSync(OUT, { recursive: true });
writeFileSync(RSS_HOOK, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.HONBAN_BENCH_RSS) writeFileSync(process.env.HONBAN_BENCH_RSS, String(process.resourceUsage().maxRSS)); });\n");
const loads = [load()];
console.log(`scan benchmark — ${os.cpus().length} cores, node ${process.version}, load average ${loads[0]} (1, 5, 15 min)`);

const rows = [];
// Each measure is printed as soon as it is taken (a long run shows its progress), then in the table.
const check = (name, value, target, ok) => {
  const row = { name, value, target, result: ok === undefined ? '' : ok ? 'PASS' : 'FAIL' };
  rows.push(row);
  console.log(`  ${name}: ${value}${target ? `  (target ${target}: ${row.result})` : ''}  [load ${load()}]`);
};

// The corpus (4,250 files) and the scaling trees.
const corpusDir = path.join(OUT, `corpus-${MAIN_SERVICES}`);
const files = corpus(corpusDir, MAIN_SERVICES);
console.log(`corpus: ${files} files in ${path.relative(ROOT, corpusDir)}`);
warmup(corpusDir);
const cold = honban(corpusDir);
check('corpus: honban scan, cold (--no-cache)', `${fmt(cold.ms)} (CPU ${fmt(cold.cpuMs)}), ${Math.round(files / (cold.ms / 1000))} files/s`, 'exit 0', cold.status === 0);

const haveBandit = ensureBandit();
if (haveBandit) {
  const b = bandit(corpusDir);
  check('corpus: bandit -r', `${fmt(b.ms)} (CPU ${fmt(b.cpuMs)})`, '', undefined);
  const ratio = cold.ms / b.ms;
  check('  ratio honban / bandit', `${ratio.toFixed(3)} (CPU ${(cold.cpuMs / b.cpuMs).toFixed(3)})`, '≤ 0.15', ratio <= 0.15);
} else check('corpus: bandit', 'not available (apt-get install bandit failed)', '≤ 0.15', false);

if (existsSync(NETBOX)) {
  warmup(NETBOX);
  const n = honban(NETBOX);
  check(`netbox (${path.basename(NETBOX)}): honban, cold`, `${fmt(n.ms)} (CPU ${fmt(n.cpuMs)})`, 'exit 0', n.status === 0);
  if (haveBandit) {
    const b = bandit(NETBOX);
    check('netbox: bandit -r', `${fmt(b.ms)} (CPU ${fmt(b.cpuMs)})`, '', undefined);
    const ratio = n.ms / b.ms;
    check('  ratio honban / bandit', `${ratio.toFixed(3)} (CPU ${(n.cpuMs / b.cpuMs).toFixed(3)})`, '≤ 0.15', ratio <= 0.15);
  }
} else check('netbox', `not found at ${NETBOX} (lay out netbox 43fe81f there, or give its path)`, '≤ 0.15', false);

// Warm re-scan: a fresh cache, one run to fill it, then the measured runs.
const cacheDir = path.join(OUT, 'cache');
rmSync(cacheDir, { recursive: true, force: true });
honban(corpusDir, { runs: 1, cache: true, cacheDir });
const warm = honban(corpusDir, { cache: true, cacheDir });
check('corpus: warm re-scan (fact cache)', `${fmt(warm.ms)} (CPU ${fmt(warm.cpuMs)})`, '≤ 1 s', warm.ms <= 1000 && warm.status === 0);

// Scaling: time per file from 1,000 to 8,000 files, start-up left out. Start-up is what does not grow
// with the files: node, honban's modules, the rules, the worker threads and every parser's grammar —
// measured on the smallest corpus that starts all of them (one service of each of the 8 kinds).
const KINDS = 8;
const baseDir = path.join(OUT, `corpus-${KINDS}`);
const baseCount = corpus(baseDir, KINDS);
warmup(baseDir);
const base = honban(baseDir);
check(`start-up: scan of a ${baseCount}-file tree (one service of each kind)`, `${fmt(base.ms)} (CPU ${fmt(base.cpuMs)})`, '', undefined);
let maxRss = cold.rssMb;
const perFile = [];
for (const n of SIZES) {
  const services = Math.max(1, Math.round((n - 1) / FILES_PER_SERVICE));
  const dir = path.join(OUT, `corpus-${services}`);
  const count = corpus(dir, services);
  warmup(dir);
  const r = honban(dir);
  maxRss = Math.max(maxRss, r.rssMb);
  const net = (r.ms - base.ms) / (count - baseCount);
  perFile.push({ n: count, raw: r.ms / count, net, cpu: (r.cpuMs - base.cpuMs) / (count - baseCount) });
}
const mid = median(perFile.map((p) => p.net));
const flat = perFile.every((p) => Math.abs(p.net - mid) <= 0.2 * mid);
check('time per file, 1,000 → 8,000 files', perFile.map((p) => `${p.n}: ${p.net.toFixed(2)} ms`).join(', '), '±20 % of the median', flat);
check('  (CPU per file, start-up left out)', perFile.map((p) => `${p.cpu.toFixed(2)}`).join(', ') + ' ms', '', undefined);
check('  (raw, start-up included)', perFile.map((p) => `${p.raw.toFixed(2)}`).join(', ') + ' ms', '', undefined);
check('peak RSS (largest cold scan, all threads)', `${maxRss.toFixed(0)} MB`, '≤ 300 MB', maxRss <= 300);

const versions = [];
const versionCpu = [];
for (let i = 0; i < 10; i++) {
  const r = run(process.execPath, ['bin/honban.js', '--version']);
  versions.push(r.ms);
  versionCpu.push(r.cpuMs);
}
const bare = [];
for (let i = 0; i < 10; i++) bare.push(run(process.execPath, ['-e', '0']).ms);
check('honban --version (median of 10)', `${fmt(median(versions))} (CPU ${fmt(median(versionCpu))}; node -e 0: ${fmt(median(bare))})`, '≤ 150 ms', median(versions) <= 150);

loads.push(load());
const w = [0, 1, 2].map((k) => Math.max(...rows.map((r) => [r.name, r.value, r.target][k].length)));
console.log('');
console.log(`${'measure'.padEnd(w[0])}  ${'value'.padEnd(w[1])}  ${'target'.padEnd(w[2])}  result`);
console.log(`${'-'.repeat(w[0])}  ${'-'.repeat(w[1])}  ${'-'.repeat(w[2])}  ------`);
for (const r of rows) console.log(`${r.name.padEnd(w[0])}  ${r.value.padEnd(w[1])}  ${r.target.padEnd(w[2])}  ${r.result}`);
console.log(`\nload average at the start ${loads[0]}, at the end ${loads[1]} (${os.cpus().length} cores); runs per measure: honban ${RUNS}, bandit ${BANDIT_RUNS}`);
const failed = rows.filter((r) => r.result === 'FAIL').length;
console.log(failed ? `${failed} target(s) FAILED` : 'all targets PASS');
process.exitCode = failed ? 1 : 0;
void countFiles;
