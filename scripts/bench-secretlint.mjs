// Benchmark: honban scan vs the secretlint CLI on a synthetic repository, peak memory, start-up.
//
//   npm run bench                        (builds, then runs every scripts/bench-*.mjs)
//   node scripts/bench-secretlint.mjs [--files N] [--secretlint-timeout SECONDS] [--skip-secretlint]
//
// Generates bench-out/repo (gitignored): four services with env files, Dockerfiles, compose files,
// Python / JavaScript sources, YAML configs and docs, with a realistic sprinkling of findings and
// fake credentials. Then times:
//   - `honban scan bench-out/repo --format json --output /dev/null --fail-on none` (wall time,
//     files/s, peak RSS of the child through a tiny --import hook);
//   - the same scan on one service (a quarter of the files): honban must stay linear;
//   - `secretlint "**/*"` inside the same tree (its exit code on findings is ignored);
//   - `honban --version` (median of 10).
// Prints a table with PASS/FAIL against the targets.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench-out');
const REPO = path.join(OUT, 'repo');

const argv = process.argv.slice(2);
const opt = (name, d) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? Number(argv[i + 1]) : d;
};
const TARGET_FILES = Math.max(400, opt('--files', 5200));
const SECRETLINT_TIMEOUT_S = opt('--secretlint-timeout', 1200);
const SKIP_SECRETLINT = argv.includes('--skip-secretlint');

// ── deterministic synthetic content ─────────────────────────────────────────────────────────────
let seed = 20260601;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const chance = (p) => rnd() < p;
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');
const alnum = (n) => Array.from({ length: n }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(rnd() * 62)]).join('');
// Fake credentials in real formats, assembled at run time.
const fakeGithub = () => 'gh' + 'p_' + alnum(36);
const fakeSlackHook = () => 'https://hooks.slack.com/services/T' + alnum(8).toUpperCase() + '/B' + alnum(8).toUpperCase() + '/' + alnum(24);
const fakeOpenAI = () => 's' + 'k-' + alnum(20) + 'T3Blbk' + 'FJ' + alnum(20);

const WORDS = 'user order invoice payment account session report export import cache queue worker audit search profile token upload image message notify billing'.split(' ');

function pythonModule(i) {
  const name = pick(WORDS);
  const lines = ['import logging', 'import os', 'from dataclasses import dataclass', '', `log = logging.getLogger(__name__)`, ''];
  if (chance(0.05)) lines.push(`SECRET_KEY = os.environ.get("SECRET_KEY", "dev-secret-${i}")`);
  if (chance(0.08)) lines.push(`API_URL = os.getenv("${name.toUpperCase()}_API_URL", "http://localhost:8000")`);
  const classes = 2 + Math.floor(rnd() * 5);
  for (let c = 0; c < classes; c++) {
    lines.push('', '@dataclass', `class ${name[0].toUpperCase()}${name.slice(1)}${c}:`, '    id: int', '    name: str', '    active: bool = True', '');
    const methods = 2 + Math.floor(rnd() * 5);
    for (let m = 0; m < methods; m++) {
      lines.push(`    def ${pick(WORDS)}_${m}(self, value: int) -> int:`, `        """Handle ${pick(WORDS)} ${pick(WORDS)}."""`, `        total = value * ${m + 2}`, '        for item in range(value):', '            total += item % 7', `        log.debug("computed %s", total)`, '        return total', '');
    }
  }
  if (chance(0.03)) lines.push('', 'if __name__ == "__main__":', '    from app import app', '    app.run(host="0.0.0.0", debug=True)');
  return lines.join('\n') + '\n';
}

function jsModule(i) {
  const name = pick(WORDS);
  const lines = ["'use strict';", `const express = require('express');`, `const router = express.Router();`, ''];
  if (chance(0.04)) lines.push(`const secret = process.env.SESSION_SECRET || 'keyboard cat';`);
  if (chance(0.02)) lines.push(`const token = '${fakeGithub()}';`);
  const routes = 3 + Math.floor(rnd() * 8);
  for (let r = 0; r < routes; r++) {
    lines.push(`router.get('/${name}/${r}', async (req, res, next) => {`, '  try {', `    const rows = await req.db.query('SELECT * FROM ${name} WHERE id = $1', [req.params.id]);`, `    res.json({ ok: true, count: rows.length, page: ${r} });`, '  } catch (err) {', '    next(err);', '  }', '});', '');
  }
  lines.push('module.exports = router;');
  return lines.join('\n') + '\n';
}

function markdown(i) {
  const lines = [`# ${pick(WORDS)} ${i}`, ''];
  const paras = 4 + Math.floor(rnd() * 10);
  for (let p = 0; p < paras; p++) {
    lines.push(Array.from({ length: 30 + Math.floor(rnd() * 40) }, () => pick(WORDS)).join(' ') + '.', '');
  }
  if (chance(0.02)) lines.push('Notify the channel with:', '', '```', `curl -X POST ${fakeSlackHook()} -d '{"text":"deployed"}'`, '```');
  if (chance(0.05)) lines.push('```bash', 'export DATABASE_URL=postgres://user:password@localhost:5432/app', '```');
  return lines.join('\n') + '\n';
}

function yamlConfig(i) {
  const lines = ['app:', `  name: ${pick(WORDS)}-${i}`, '  workers: 4', 'database:', '  host: db.internal', '  port: 5432'];
  lines.push(chance(0.1) ? `  password: "${alnum(18)}"` : '  password: ${DB_PASSWORD}');
  lines.push('cache:', '  url: redis://cache:6379/0', 'features:');
  for (let f = 0; f < 10; f++) lines.push(`  ${pick(WORDS)}_${f}: ${chance(0.5)}`);
  return lines.join('\n') + '\n';
}

function dockerfile(i) {
  const root = chance(0.3);
  return [
    `FROM python:3.12${chance(0.3) ? '' : '-slim'}`,
    'WORKDIR /app',
    'COPY requirements.txt .',
    'RUN pip install --no-cache-dir -r requirements.txt',
    'COPY . .',
    chance(0.1) ? `ENV SECRET_KEY=${hex(16)}` : 'ENV PYTHONUNBUFFERED=1',
    root ? '' : 'USER app',
    'EXPOSE 8000',
    `CMD ["gunicorn", "-w", "4", "-b", "0.0.0.0:8000", "app:app"]`,
  ].join('\n') + '\n';
}

function compose(i) {
  return [
    'services:',
    '  web:',
    `    build: .`,
    '    ports:',
    '      - "8000:8000"',
    '    env_file: .env.production',
    '    environment:',
    `      - DEBUG=${chance(0.3) ? 'True' : 'False'}`,
    chance(0.3) ? `      - POSTGRES_PASSWORD=${alnum(12)}` : '      - POSTGRES_PASSWORD_FILE=/run/secrets/db',
    '  db:',
    '    image: postgres:16',
    '    volumes:',
    '      - pg:/var/lib/postgresql/data',
    'volumes:',
    '  pg: {}',
  ].join('\n') + '\n';
}

function envFiles(svc) {
  return {
    '.env.production': [
      'FLASK_ENV=production',
      `SECRET_KEY=${chance(0.5) ? 'change-me-locally' : alnum(48)}`,
      `DATABASE_URL=postgresql://app:${chance(0.5) ? 'pass' : alnum(24)}@db.internal:5432/${svc}`,
      `RATELIMIT_STORAGE_URI=${chance(0.5) ? 'memory://' : 'redis://cache:6379/1'}`,
      `OPENAI_API_KEY=${chance(0.5) ? 'your_openai_api_key_here' : fakeOpenAI()}`,
      'DISABLE_WTF_CSRF=0',
      `DEBUG=${chance(0.5) ? 'True' : 'False'}`,
    ].join('\n') + '\n',
    '.env.development': 'FLASK_ENV=development\nDEBUG=True\nSECRET_KEY=dev\nDATABASE_URL=sqlite:///dev.db\n',
    '.env.example': 'FLASK_ENV=production\nSECRET_KEY=\nDATABASE_URL=\nOPENAI_API_KEY=your_openai_api_key_here\n',
    '.env': `SECRET_KEY=${alnum(40)}\nDEBUG=False\n`,
  };
}

function plainText(i) {
  return Array.from({ length: 20 + Math.floor(rnd() * 60) }, () => Array.from({ length: 12 }, () => pick(WORDS)).join(' ')).join('\n') + '\n';
}

function generate() {
  rmSync(REPO, { recursive: true, force: true });
  mkdirSync(REPO, { recursive: true });
  let count = 0;
  const write = (rel, content) => {
    const abs = path.join(REPO, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    count++;
  };
  write('.gitignore', '.env\n.env.local\n*.log\n__pycache__/\n');
  write('.secretlintrc.json', JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }, null, 2) + '\n');
  const perService = Math.ceil((TARGET_FILES - 2) / 4);
  for (let s = 0; s < 4; s++) {
    const svc = `svc-${s}`;
    for (const [name, content] of Object.entries(envFiles(svc))) write(`${svc}/${name}`, content);
    write(`${svc}/Dockerfile`, dockerfile(s));
    write(`${svc}/docker-compose.yml`, compose(s));
    write(`${svc}/docker-compose.prod.yml`, compose(s + 10));
    let n = 7;
    for (let i = 0; n < perService; i++) {
      const r = i % 20;
      if (r < 8) write(`${svc}/app/${pick(WORDS)}/mod_${i}.py`, pythonModule(i));
      else if (r < 14) write(`${svc}/web/src/${pick(WORDS)}/route_${i}.js`, jsModule(i));
      else if (r < 17) write(`${svc}/docs/${pick(WORDS)}_${i}.md`, markdown(i));
      else if (r < 18) write(`${svc}/config/${pick(WORDS)}_${i}.yml`, yamlConfig(i));
      else if (r < 19) write(`${svc}/deploy/${pick(WORDS)}_${i}/Dockerfile`, dockerfile(i));
      else write(`${svc}/data/notes_${i}.txt`, plainText(i));
      n++;
    }
  }
  // Its own git work tree: discovery does not apply the enclosing repository's .gitignore (which
  // ignores bench-out/), and tracked / ignored files are as in a real project.
  const git = (...args) => spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: REPO, encoding: 'utf8' });
  const init = git('init', '-q');
  if (init.status === 0) {
    git('add', '-A');
    git('commit', '-q', '-m', 'synthetic repository');
  } else console.error(`git init failed (${init.stderr.trim()}); the scan will see the enclosing .gitignore`);
  return count;
}

// ── measurement ─────────────────────────────────────────────────────────────────────────────────
const RSS_HOOK = path.join(OUT, 'rss-hook.mjs');
const RSS_FILE = path.join(OUT, 'rss.txt');

function timeRun(cmd, args, { cwd = ROOT, env = {}, timeoutMs } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: timeoutMs });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut: r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM' };
}

function honbanScan(target) {
  rmSync(RSS_FILE, { force: true });
  const r = timeRun(process.execPath, ['--import', pathToFileUrl(RSS_HOOK), 'bin/honban.js', 'scan', target, '--format', 'json', '--output', '/dev/null', '--fail-on', 'none'], {
    env: { HONBAN_BENCH_RSS: RSS_FILE },
  });
  const rssKb = existsSync(RSS_FILE) ? Number(readFileSync(RSS_FILE, 'utf8')) : NaN;
  return { ...r, rssMb: rssKb / 1024 };
}

function pathToFileUrl(p) {
  return new URL(`file://${p}`).href;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const fmtMs = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

// ── run ─────────────────────────────────────────────────────────────────────────────────────────
mkdirSync(OUT, { recursive: true });
writeFileSync(RSS_HOOK, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.HONBAN_BENCH_RSS) writeFileSync(process.env.HONBAN_BENCH_RSS, String(process.resourceUsage().maxRSS)); });\n");

console.log(`generating a synthetic repository of ~${TARGET_FILES} files in ${path.relative(ROOT, REPO)} …`);
const files = generate();
console.log(`  ${files} files written`);

// Warm the file system cache once, then measure.
honbanScan('bench-out/repo/svc-0');
const quarter = honbanScan('bench-out/repo/svc-0');
const full = honbanScan('bench-out/repo');
if (full.status !== 0) {
  console.error(`honban scan exited ${full.status}:\n${full.stderr.slice(0, 4000)}`);
}

let sl;
if (SKIP_SECRETLINT) sl = { ms: NaN, skipped: true };
else {
  console.log(`running secretlint "**/*" in ${path.relative(ROOT, REPO)} (timeout ${SECRETLINT_TIMEOUT_S} s) …`);
  sl = timeRun(path.join(ROOT, 'node_modules/.bin/secretlint'), ['**/*', '--format', 'json'], { cwd: REPO, timeoutMs: SECRETLINT_TIMEOUT_S * 1000 });
  if (!sl.timedOut && sl.status !== 0 && sl.status !== 1) console.error(`secretlint exited ${sl.status}: ${sl.stderr.slice(0, 2000)}`);
}

const versions = [];
for (let i = 0; i < 10; i++) versions.push(timeRun(process.execPath, ['bin/honban.js', '--version']).ms);
const versionMs = median(versions);
// Node's own start-up on this machine right now: --version cannot be faster than this.
const bare = [];
for (let i = 0; i < 10; i++) bare.push(timeRun(process.execPath, ['-e', '0']).ms);
const bareMs = median(bare);

// Findings of the full scan (a second run writes JSON to a file we can read).
const reportFile = path.join(OUT, 'report.json');
spawnSync(process.execPath, ['bin/honban.js', 'scan', 'bench-out/repo', '--format', 'json', '--output', reportFile, '--fail-on', 'none'], { cwd: ROOT });
let summary = '';
try {
  const rep = JSON.parse(readFileSync(reportFile, 'utf8'));
  const byRule = {};
  for (const f of rep.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  summary = `${rep.findings.length} findings (${Object.entries(rep.summary).map(([k, v]) => `${v} ${k}`).join(', ')}); ${rep.errors.length} errors; scanned ${rep.scanned}\n  top rules: ${Object.entries(byRule)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`;
} catch (e) {
  summary = `could not read the JSON report: ${e.message}`;
}

const filesPerS = files / (full.ms / 1000);
const linear = full.ms / quarter.ms;
const rows = [];
const check = (name, value, target, ok) => rows.push({ name, value, target, result: ok === undefined ? '' : ok ? 'PASS' : 'FAIL' });
check('honban scan (full)', `${fmtMs(full.ms)}  ${Math.round(filesPerS)} files/s  exit ${full.status}`, 'exit 0', full.status === 0);
check('honban scan (1/4 of the files)', fmtMs(quarter.ms), '', undefined);
check('  linearity full / quarter', `${linear.toFixed(2)}×`, '< 6× (4× is linear)', linear < 6);
check('honban peak RSS (full scan)', `${full.rssMb.toFixed(0)} MB`, '< 300 MB', full.rssMb < 300);
if (sl.skipped) check('secretlint "**/*"', 'skipped', '', undefined);
else {
  const slText = sl.timedOut ? `> ${fmtMs(sl.ms)} (timed out)` : `${fmtMs(sl.ms)}  exit ${sl.status}`;
  check('secretlint "**/*"', slText, '', undefined);
  check('  ratio secretlint / honban', `${sl.timedOut ? '> ' : ''}${(sl.ms / full.ms).toFixed(1)}×`, 'honban no slower (≥ 1×)', full.ms <= sl.ms);
}
check('honban --version (median of 10)', fmtMs(versionMs), '< 150 ms', versionMs < 150);
check('  node -e 0 (median of 10, baseline)', fmtMs(bareMs), '', undefined);

const w0 = Math.max(...rows.map((r) => r.name.length));
const w1 = Math.max(...rows.map((r) => r.value.length));
const w2 = Math.max(...rows.map((r) => r.target.length));
console.log('');
console.log(`benchmark on ${files} files (${process.platform} ${process.arch}, node ${process.version})`);
console.log(`${'measure'.padEnd(w0)}  ${'value'.padEnd(w1)}  ${'target'.padEnd(w2)}  result`);
console.log(`${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ${'-'.repeat(w2)}  ------`);
for (const r of rows) console.log(`${r.name.padEnd(w0)}  ${r.value.padEnd(w1)}  ${r.target.padEnd(w2)}  ${r.result}`);
console.log('');
console.log(`honban: ${summary}`);
const failed = rows.filter((r) => r.result === 'FAIL').length;
console.log(failed ? `\n${failed} target(s) FAILED` : '\nall targets PASS');

process.exitCode = failed ? 1 : 0;
