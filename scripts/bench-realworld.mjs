#!/usr/bin/env node
// Real-world precision benchmark (DESIGN.md, "Trust").
//
// Scans every repository of the ledger that is laid out under DIR (as DIR/<owner>+<name>/, fetched
// and checked out outside this repository — nothing is fetched here) with `honban scan` in-process,
// and compares the findings with the committed ledger of hand-judged findings,
// bench/realworld/ledger.json. It prints
//   - precision per rule domain and overall on open medium+ findings: tp / (tp + fp); debatable
//     findings are counted and shown but left out of the ratio,
//   - every false positive still reported at high or critical,
//   - contract/* and secret/* findings per repository that are not true,
//   - recall of the ledger's known positives (verdict tp, any severity still reported counts as
//     found) and the missed ones,
//   - every open medium+ finding not yet judged (judge it by hand, then add it to the ledger).
//
// A ledger entry matches a finding by repository + file + line + rule id (+ key when the entry has
// one). Commits are pinned per repository, so lines do not move; when a change of honban moves a
// finding to another line, the ledger entry is updated with it.
//
// Usage: npm run bench:realworld -- DIR [--repo NAME]… [--json FILE] [--honban DIR] [--all]
//   --repo NAME   only this repository (owner/name or the directory name); repeatable
//   --json FILE   also write the comparison as JSON
//   --honban DIR  scan with the honban build in DIR/dist (e.g. /work/main, for a before/after)
//   --all         list every unjudged finding, low and info included
//   --strict      exit 1 when a target of the issue is not met (precision, unjudged, missed)
//   --parse-every-file  also scan each repository parsing every file (no cheap check leaves a file
//                 unparsed, collect/python/relevance.ts) and fail when any finding differs
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LEDGER = path.join(ROOT, 'bench', 'realworld', 'ledger.json');
const MEDIUM_PLUS = new Set(['critical', 'high', 'medium']);
const HIGH_PLUS = new Set(['critical', 'high']);

function usage(msg) {
  if (msg) console.error(`bench:realworld: ${msg}`);
  console.error('usage: npm run bench:realworld -- DIR [--repo NAME]… [--json FILE] [--honban DIR] [--all] [--strict]');
  process.exit(2);
}

const args = process.argv.slice(2);
let dir;
const only = [];
let jsonOut;
let honbanDir = ROOT;
let all = false;
let strict = false;
let everyFile = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--repo') only.push(args[++i] ?? usage('--repo needs a name'));
  else if (a === '--json') jsonOut = args[++i] ?? usage('--json needs a file');
  else if (a === '--honban') honbanDir = path.resolve(args[++i] ?? usage('--honban needs a directory'));
  else if (a === '--all') all = true;
  else if (a === '--strict') strict = true;
  else if (a === '--parse-every-file') everyFile = true;
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else if (dir) usage('only one DIR');
  else dir = path.resolve(a);
}
if (!dir) usage('DIR is required (the directory the repositories are laid out under)');
if (!existsSync(dir)) usage(`${dir} does not exist`);
const distIndex = path.join(honbanDir, 'dist', 'index.js');
if (!existsSync(distIndex)) usage(`${distIndex} is missing — run \`npm run build\` there first`);

const ledger = JSON.parse(readFileSync(LEDGER, 'utf8'));
const { scan } = await import(pathToFileURL(distIndex).href);

/** Directory name of a repository under DIR: owner+name, or the ledger's `dir`. */
const dirOf = (repo) => repo.dir ?? repo.name.replace('/', '+');

const wanted = ledger.repositories.filter((r) => only.length === 0 || only.includes(r.name) || only.includes(dirOf(r)));
if (only.length && wanted.length === 0) usage(`no repository of the ledger matches ${only.join(', ')}`);

// The layout's COMMITS file (one "dir commit" per line), when present, must agree with the ledger.
const commitsFile = path.join(dir, 'COMMITS');
const laidOut = new Map();
if (existsSync(commitsFile)) {
  for (const line of readFileSync(commitsFile, 'utf8').split('\n')) {
    const [d, c] = line.trim().split(/\s+/);
    if (d && c) laidOut.set(d, c);
  }
}

const known = new Set(ledger.repositories.map(dirOf));
const notInLedger = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !known.has(e.name))
  .map((e) => e.name);

const key = (repo, file, line, rule) => `${repo}\u0000${file}\u0000${line ?? 0}\u0000${rule}`;
const entriesBy = new Map();
for (const e of ledger.entries) {
  const k = key(e.repo, e.file, e.line, e.rule);
  if (!entriesBy.has(k)) entriesBy.set(k, []);
  entriesBy.get(k).push(e);
}

const domainOf = (ruleId) => ruleId.split('/')[0];
const results = [];
const problems = [];
const matched = new Set();
const differences = [];

for (const repo of wanted) {
  const d = path.join(dir, dirOf(repo));
  if (!existsSync(d)) {
    problems.push(`${repo.name}: not laid out under ${dir} (expected ${dirOf(repo)}/ at ${repo.commit})`);
    continue;
  }
  const seen = laidOut.get(dirOf(repo));
  if (seen && !seen.startsWith(repo.commit) && !repo.commit.startsWith(seen)) {
    problems.push(`${repo.name}: laid out at ${seen}, the ledger judged ${repo.commit} — results are not comparable`);
  }
  const t0 = Date.now();
  const { report } = await scan({ paths: [d], failOn: 'none', lang: 'en' });
  const ms = Date.now() - t0;
  const findings = report.findings.filter((f) => f.status === 'open');
  for (const f of findings) {
    const candidates = entriesBy.get(key(repo.name, f.file, f.line, f.ruleId)) ?? [];
    const entry = candidates.find((e) => e.key !== undefined && e.key === f.key) ?? candidates.find((e) => e.key === undefined);
    if (entry) matched.add(entry);
    results.push({ repo: repo.name, finding: f, entry });
  }
  process.stderr.write(`  scanned ${repo.name} in ${(ms / 1000).toFixed(1)} s: ${findings.length} open findings, ${report.errors.length} errors\n`);
  if (everyFile) {
    const show = (fs) => fs.map((f) => `${f.file}:${f.line}:${f.column ?? ''} ${f.ruleId} ${f.severity} ${f.status} ${f.message}`).sort();
    const every = (await scan({ paths: [d], failOn: 'none', lang: 'en', cache: false, parseEveryFile: true })).report.findings;
    const a = show(report.findings), b = new Set(show(every));
    const only = a.filter((x) => !b.has(x));
    const missing = [...b].filter((x) => !a.includes(x));
    if (only.length || missing.length) {
      differences.push(`${repo.name}: ${missing.length} finding(s) only when every file is parsed, ${only.length} only with the cheap check`, ...missing.slice(0, 10).map((x) => `    every file: ${x}`), ...only.slice(0, 10).map((x) => `    cheap check: ${x}`));
    }
    process.stderr.write(`    every file parsed: ${every.length} findings (${only.length + missing.length} differ)\n`);
  }
}
if (everyFile) {
  console.log(differences.length ? `\nFindings differ when every file is parsed:\n${differences.join('\n')}` : '\nEvery file parsed: the same findings in every repository (the cheap check left out no finding).');
  if (differences.length) process.exitCode = 1;
}

// Precision on open medium+ findings.
const byDomain = new Map();
const tally = () => ({ tp: 0, fp: 0, debatable: 0, unjudged: 0 });
const total = tally();
const perRepo = new Map();
for (const r of results) {
  if (!MEDIUM_PLUS.has(r.finding.severity)) continue;
  const dom = domainOf(r.finding.ruleId);
  if (!byDomain.has(dom)) byDomain.set(dom, tally());
  if (!perRepo.has(r.repo)) perRepo.set(r.repo, tally());
  const v = r.entry?.verdict ?? 'unjudged';
  byDomain.get(dom)[v]++;
  perRepo.get(r.repo)[v]++;
  total[v]++;
}
const pct = (t) => (t.tp + t.fp === 0 ? '—' : `${((100 * t.tp) / (t.tp + t.fp)).toFixed(1)}%`);
const row = (name, t) => `${name.padEnd(44)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.debatable).padStart(4)} ${String(t.unjudged).padStart(4)}  ${pct(t).padStart(6)}`;
const header = `${''.padEnd(44)}   tp   fp  deb  new  precision`;

console.log(`honban real-world benchmark — ${wanted.length} repositories, ledger ${path.relative(ROOT, LEDGER)} (${ledger.entries.length} entries)`);
if (notInLedger.length) console.log(`not in the ledger, not scanned: ${notInLedger.join(', ')}`);
for (const p of problems) console.log(`! ${p}`);
console.log('\nOpen medium+ findings by domain:');
console.log(header);
for (const [dom, t] of [...byDomain].sort((a, b) => a[0].localeCompare(b[0]))) console.log(row(dom, t));
console.log(row('all', total));
console.log('\nBy repository:');
console.log(header);
for (const [name, t] of [...perRepo].sort((a, b) => a[0].localeCompare(b[0]))) console.log(row(name, t));

const highFp = results.filter((r) => HIGH_PLUS.has(r.finding.severity) && r.entry?.verdict === 'fp');
console.log(`\nFalse positives at high or critical: ${highFp.length}`);
for (const r of highFp) console.log(`  ${r.finding.severity.padEnd(8)} ${r.repo} ${r.finding.file}:${r.finding.line ?? ''} ${r.finding.ruleId} — ${r.entry.reason}`);

console.log('\ncontract/* and secret/* findings per repository (any severity, open) that are not tp:');
let noisy = 0;
for (const repo of wanted) {
  for (const dom of ['contract', 'secret']) {
    const n = results.filter((r) => r.repo === repo.name && domainOf(r.finding.ruleId) === dom && r.entry?.verdict !== 'tp' && MEDIUM_PLUS.has(r.finding.severity)).length;
    if (n > 3) {
      noisy++;
      console.log(`  ${repo.name}: ${n} ${dom}/* medium+ findings not judged true (limit 3)`);
    }
  }
}
if (!noisy) console.log('  none above 3 per repository');

// Recall of the ledger's known positives.
const positives = ledger.entries.filter((e) => e.verdict === 'tp' && wanted.some((r) => r.name === e.repo));
const missed = positives.filter((e) => !matched.has(e));
console.log(`\nRecall of known positives: ${positives.length - missed.length}/${positives.length}${positives.length ? ` (${((100 * (positives.length - missed.length)) / positives.length).toFixed(1)}%)` : ''}`);
for (const e of missed) console.log(`  missed ${e.repo} ${e.file}:${e.line ?? ''} ${e.rule}${e.key ? ` [${e.key}]` : ''} — ${e.reason}`);

const goneFp = ledger.entries.filter((e) => e.verdict === 'fp' && wanted.some((r) => r.name === e.repo) && !matched.has(e));
console.log(`Ledger false positives no longer reported: ${goneFp.length}/${ledger.entries.filter((e) => e.verdict === 'fp' && wanted.some((r) => r.name === e.repo)).length}`);

const unjudged = results.filter((r) => !r.entry && (all || MEDIUM_PLUS.has(r.finding.severity)));
console.log(`\nNot yet judged (${all ? 'every severity' : 'medium+'}): ${unjudged.length}`);
for (const r of unjudged) {
  const f = r.finding;
  console.log(`  ${f.severity.padEnd(8)} ${r.repo} ${f.file}:${f.line ?? ''} ${f.ruleId}${f.key ? ` [${f.key}]` : ''} — ${f.message}`);
}

if (jsonOut) {
  writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        domains: Object.fromEntries(byDomain),
        total,
        repositories: Object.fromEntries(perRepo),
        highFalsePositives: highFp.map((r) => ({ repo: r.repo, file: r.finding.file, line: r.finding.line, rule: r.finding.ruleId })),
        recall: { found: positives.length - missed.length, known: positives.length, missed },
        unjudged: unjudged.map((r) => ({ repo: r.repo, file: r.finding.file, line: r.finding.line, rule: r.finding.ruleId, key: r.finding.key, severity: r.finding.severity, message: r.finding.message })),
        findings: results.map((r) => ({ repo: r.repo, file: r.finding.file, line: r.finding.line, rule: r.finding.ruleId, key: r.finding.key, severity: r.finding.severity, verdict: r.entry?.verdict ?? null, message: r.finding.message })),
      },
      null,
      2,
    ) + '\n',
  );
}

if (strict) {
  const fails = [];
  const p = total.tp / Math.max(1, total.tp + total.fp);
  if (p < 0.9) fails.push(`precision ${(100 * p).toFixed(1)}% < 90%`);
  for (const [dom, t] of byDomain) {
    if (t.tp + t.fp >= 5 && t.tp / (t.tp + t.fp) < 0.8) fails.push(`${dom} precision ${pct(t)} < 80%`);
  }
  if (highFp.length) fails.push(`${highFp.length} false positive(s) at high or critical`);
  if (missed.length) fails.push(`${missed.length} known positive(s) missed`);
  if (unjudged.length) fails.push(`${unjudged.length} unjudged finding(s)`);
  if (noisy) fails.push(`${noisy} repository/domain pair(s) with more than 3 contract/secret findings not true`);
  if (problems.length) fails.push(`${problems.length} layout problem(s)`);
  if (fails.length) {
    console.log(`\nstrict: ${fails.join('; ')}`);
    process.exit(1);
  }
}
