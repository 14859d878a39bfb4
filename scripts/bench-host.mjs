// Benchmark: `honban host` live on this machine and `--root` on the neglected fixture root (the
// whole CLI process, median of several runs), next to `lynis audit system --quick` when lynis is
// installed (one run: it takes minutes). Targets: live ≤ 2 s, --root ≤ 0.5 s.
//
//   node scripts/bench-host.mjs [--runs N] [--skip-lynis]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 5;
const SKIP_LYNIS = argv.includes('--skip-lynis');
const { materialize } = await import(path.join(ROOT, 'dist/testing/host.js'));

// CPU time (user + system) of the child as well as wall time: on a busy machine wall time mostly
// measures the queue for a core; CPU time is what the run itself costs.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
function time(cmd, args, opts = {}) {
  const t0 = performance.now();
  const r = TIME ? spawnSync(TIME, ['-f', '@@cpu %U %S', cmd, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts }) : spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  const ms = performance.now() - t0;
  const m = /@@cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  return { ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined, status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// From a directory without a honban.yml (the repository has its own, for scanning itself): a server's.
const CWD = mkdtempSync(path.join(os.tmpdir(), 'honban-bench-cwd-'));
const honban = (args) => time(process.execPath, [path.join(ROOT, 'bin/honban.js'), 'host', ...args, '--format', 'json', '--fail-on', 'none'], { cwd: CWD });
const fixture = materialize('neglected', new Date());
const rows = [];
try {
  honban(['--root', fixture.root]); // warm the file cache
  const root = Array.from({ length: RUNS }, () => honban(['--root', fixture.root]));
  const rootReport = JSON.parse(root[0].stdout);
  rows.push({ what: 'honban host --root test/fixtures/host/neglected', ms: median(root.map((r) => r.ms)), cpuMs: median(root.map((r) => r.cpuMs ?? 0)), target: 500, detail: `${rootReport.findings.length} findings, ${rootReport.extra.notChecked.length} not checked` });
  const live = Array.from({ length: Math.max(3, Math.ceil(RUNS / 2)) }, () => honban([]));
  const liveReport = JSON.parse(live[0].stdout);
  rows.push({ what: `honban host (live${process.getuid?.() === 0 ? ', root' : ', not root'})`, ms: median(live.map((r) => r.ms)), cpuMs: median(live.map((r) => r.cpuMs ?? 0)), target: 2000, detail: `${liveReport.findings.length} findings, gather ${liveReport.extra.timing.gatherMs} ms; commands: ${liveReport.extra.commands.map((c) => `${c.command} ${c.ms} ms`).join(', ')}` });
} finally {
  fixture.cleanup();
  rmSync(CWD, { recursive: true, force: true });
}

let lynisMs;
const lynis = ['/usr/sbin/lynis', '/usr/bin/lynis', '/usr/local/bin/lynis'].find((p) => existsSync(p));
if (lynis && !SKIP_LYNIS) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'honban-lynis-'));
  try {
    const r = time(lynis, ['audit', 'system', '--quick', '--no-colors', '--logfile', path.join(dir, 'lynis.log'), '--report-file', path.join(dir, 'report.dat')], { timeout: 900_000 });
    lynisMs = r.ms;
    rows.push({ what: 'lynis audit system --quick', ms: r.ms, cpuMs: r.cpuMs, timedOut: r.status === null, detail: r.status === null ? 'timed out after 900 s (killed): at least this long' : `exit ${r.status}` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  rows.push({ what: 'lynis audit system --quick', ms: undefined, detail: lynis ? 'skipped (--skip-lynis)' : 'not installed (apt-get install lynis)' });
}

const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`\nhonban host benchmark (${os.cpus().length} CPUs, load average ${load})`);
for (const r of rows) {
  const ms = r.ms === undefined ? '—' : r.ms >= 10_000 ? `${(r.ms / 1000).toFixed(1)} s` : `${Math.round(r.ms)} ms`;
  const verdict = r.target === undefined ? '' : r.ms <= r.target ? `PASS (≤ ${r.target} ms)` : `FAIL (> ${r.target} ms)`;
  const cpu = r.cpuMs ? `cpu ${r.cpuMs >= 10_000 ? `${(r.cpuMs / 1000).toFixed(1)} s` : `${Math.round(r.cpuMs)} ms`}` : '';
  console.log(`  ${r.what.padEnd(50)} ${ms.padStart(9)}  ${cpu.padEnd(12)} ${verdict.padEnd(18)} ${r.detail ?? ''}`);
}
const liveRow = rows.find((r) => r.what.startsWith('honban host (live'));
const lynisRow = rows.find((r) => r.what.startsWith('lynis'));
if (lynisMs && liveRow) console.log(`  honban host live is ${lynisRow?.timedOut ? 'more than ' : ''}${(lynisMs / liveRow.ms).toFixed(0)}× faster than lynis --quick on this machine`);
