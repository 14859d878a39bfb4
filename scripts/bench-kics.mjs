#!/usr/bin/env node
// Recall of honban on KICS's own test cases, for the KICS queries in honban's scope.
//
// KICS (github.com/Checkmarx/kics, mirrored as DataDog/kics) ships, for every query, positive test
// files with the lines it expects to be reported (test/positive_expected_result.json) and negative
// test files that must stay clean. This script runs honban (the built dist/, in-process, every file
// scanned on its own as the only file of a repository, target environment production) on those
// files for the queries listed in bench/kics/queries.json and prints:
//   - per query: the distinct expected locations (file:line) and how many of them honban finds — a
//     finding of a mapped rule inside the top-level block (Terraform resource / module / data block,
//     plan-JSON resource object, Dockerfile build stage, compose service) that holds KICS's line;
//   - macro recall (the mean of the per-query recalls) and micro recall;
//   - false positives: findings of a mapped rule in a negative file, except those listed in
//     queries.json "stricter" (where our rule is deliberately stricter than KICS, with the reason);
//   - "notReported": expected locations we deliberately do not report (with the reason).
//
// Nothing of KICS is in this repository: bring it with the fetch tool and lay out only
// assets/queries outside the repository, then
//   npm run bench:kics -- /work/realworld/DataDog+kics/assets/queries
// Options: --json (machine-readable result), --verbose (every location and finding),
//          --min-recall N (exit 1 when macro recall < N percent), --query SUBSTRING.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isMap, isPair, isScalar } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  args.splice(i, 1);
  return true;
};
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const asJson = flag('--json');
const verbose = flag('--verbose');
const minRecall = option('--min-recall');
const only = option('--query');
let base = args[0];
if (!base) {
  console.error('usage: npm run bench:kics -- PATH/TO/kics/assets/queries [--json] [--verbose] [--min-recall 90] [--query NAME]');
  process.exit(2);
}
if (existsSync(path.join(base, 'assets', 'queries'))) base = path.join(base, 'assets', 'queries');
if (!existsSync(path.join(base, 'terraform'))) {
  console.error(`bench-kics: ${base} is not KICS's assets/queries directory (no terraform/ inside)`);
  process.exit(2);
}
if (!existsSync(path.join(ROOT, 'dist', 'index.js'))) {
  console.error('bench-kics: dist/ is missing — run `npm run build` first');
  process.exit(2);
}

const { scan } = await import(path.join(ROOT, 'dist', 'index.js'));
const { parseHcl } = await import(path.join(ROOT, 'dist', 'collect', 'hcl', 'parse.js'));
const { DockerfileParser } = await import('dockerfile-ast');
const spec = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'kics', 'queries.json'), 'utf8'));

/** The name a file gets in the one-file repository honban scans (so that discovery classifies it). */
function scanName(file) {
  const lower = file.toLowerCase();
  if (lower.endsWith('.dockerfile') || lower === 'dockerfile') return 'Dockerfile';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'docker-compose.yml';
  return file;
}

/** Top-level blocks of a file: [{start, end, name}] (1-based, inclusive). */
async function blocksOf(file, content) {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tf')) {
    const parsed = await parseHcl(file, content);
    return parsed.blocks.map((b) => ({ start: b.loc.line, end: b.endLine, name: `${b.type} ${b.labels.join('.')}` }));
  }
  if (lower.endsWith('.json')) {
    // A plan JSON: each resource object (an object with "address" and "type") up to the next one.
    const lines = content.split('\n');
    const starts = [];
    for (let i = 0; i < lines.length; i++) if (/^\s*"address"\s*:/.test(lines[i])) starts.push(i + 1);
    return starts.map((s, k) => ({ start: s - 1, end: (starts[k + 1] ?? lines.length + 2) - 2, name: `resource@${s}` }));
  }
  if (lower.endsWith('.dockerfile') || lower === 'dockerfile') {
    const df = DockerfileParser.parse(content);
    const froms = df.getFROMs().map((f) => f.getRange().start.line + 1);
    const total = content.split('\n').length;
    if (!froms.length) return [{ start: 1, end: total, name: 'stage' }];
    return froms.map((s, k) => ({ start: k === 0 ? 1 : s, end: (froms[k + 1] ?? total + 1) - 1, name: `stage ${k}` }));
  }
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) {
    const lc = new LineCounter();
    const doc = parseDocument(content, { lineCounter: lc });
    const out = [];
    const services = isMap(doc.contents) ? doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'services') : undefined;
    if (services && isMap(services.value)) {
      for (const p of services.value.items) {
        const start = lc.linePos(p.key.range[0]).line;
        const end = lc.linePos(Math.max(p.value?.range?.[1] ?? p.key.range[1], 1) - 1).line;
        out.push({ start, end, name: `service ${p.key.value}` });
      }
    }
    return out.length ? out : [{ start: 1, end: content.split('\n').length, name: 'file' }];
  }
  return [{ start: 1, end: content.split('\n').length, name: 'file' }];
}

function blockAt(blocks, line) {
  // The innermost (shortest) top-level block containing the line.
  let best;
  for (const b of blocks) if (b.start <= line && line <= b.end && (!best || b.end - b.start < best.end - best.start)) best = b;
  return best;
}

async function findingsFor(file, content, rules) {
  const name = scanName(file);
  const { report } = await scan({ files: [{ path: name, content, gitTracked: true }], environment: 'production', config: {}, now: new Date('2026-01-01T00:00:00Z') });
  return {
    findings: report.findings.filter((f) => rules.includes(f.ruleId)).map((f) => ({ rule: f.ruleId, line: f.line ?? 0, severity: f.severity, message: f.message })),
    errors: report.errors,
  };
}

const isTestFile = (f) => !f.endsWith('.json') || !f.includes('expected_result');
const rows = [];
const fps = [];
const stricterUsed = new Set();
for (const q of spec.queries) {
  if (only && !q.query.includes(only)) continue;
  const dir = path.join(base, q.query, 'test');
  if (!existsSync(dir)) {
    rows.push({ query: q.query, missing: true });
    continue;
  }
  const files = readdirSync(dir).filter((f) => statSync(path.join(dir, f)).isFile() && isTestFile(f)).sort();
  const positives = files.filter((f) => f.startsWith('positive'));
  const negatives = files.filter((f) => f.startsWith('negative'));
  const expected = JSON.parse(readFileSync(path.join(dir, 'positive_expected_result.json'), 'utf8'));
  const locs = new Map();
  for (const e of expected) {
    let file = e.fileName ?? e.filename;
    if (!file) {
      const cand = positives.filter((f) => !f.includes('_module'));
      file = cand.length === 1 ? cand[0] : undefined;
    }
    if (!file) {
      console.error(`bench-kics: ${q.query}: an expected result names no file and the test has several positives`);
      continue;
    }
    locs.set(`${file}:${e.line}`, { file, line: e.line });
  }
  const perFile = new Map();
  for (const f of new Set([...locs.values()].map((l) => l.file))) {
    const content = readFileSync(path.join(dir, f), 'utf8');
    perFile.set(f, { ...(await findingsFor(f, content, q.rules)), blocks: await blocksOf(f, content) });
  }
  const found = [];
  const missed = [];
  for (const l of locs.values()) {
    const pf = perFile.get(l.file);
    const b = blockAt(pf.blocks, l.line);
    const hit = b && pf.findings.find((f) => f.line >= b.start && f.line <= b.end);
    const deliberate = spec.notReported.find((n) => n.query === q.query && n.file === l.file && n.line === l.line);
    (hit ? found : missed).push({ ...l, block: b?.name, finding: hit, deliberate: deliberate?.reason, errors: pf.errors.length ? pf.errors : undefined });
  }
  for (const f of negatives) {
    const content = readFileSync(path.join(dir, f), 'utf8');
    const { findings, errors } = await findingsFor(f, content, q.rules);
    for (const x of findings) {
      const s = spec.stricter.find((e) => e.query === q.query && e.file === f && e.rule === x.rule && (e.line === undefined || e.line === x.line));
      if (s) stricterUsed.add(s);
      fps.push({ query: q.query, file: f, ...x, stricter: s?.reason });
    }
    if (errors.length) fps.push({ query: q.query, file: f, rule: '(engine error)', line: 0, message: JSON.stringify(errors) });
  }
  rows.push({ query: q.query, rules: q.rules, total: locs.size, found, missed, negatives: negatives.length });
}

const scored = rows.filter((r) => !r.missing && r.total > 0);
const macro = scored.reduce((s, r) => s + r.found.length / r.total, 0) / Math.max(1, scored.length);
const totalLocs = scored.reduce((s, r) => s + r.total, 0);
const totalFound = scored.reduce((s, r) => s + r.found.length, 0);
const unexpectedFps = fps.filter((f) => !f.stricter);
const result = {
  corpus: base,
  queries: rows.length,
  macroRecall: macro,
  microRecall: totalFound / Math.max(1, totalLocs),
  locations: totalLocs,
  found: totalFound,
  rows: rows.map((r) => ({ query: r.query, rules: r.rules, missing: r.missing, total: r.total, found: r.found?.length, missed: r.missed?.map((m) => `${m.file}:${m.line}${m.deliberate ? ' (deliberate)' : ''}`) })),
  falsePositives: fps,
  unusedStricter: spec.stricter.filter((s) => !stricterUsed.has(s) && (!only || s.query.includes(only))),
};

if (asJson) console.log(JSON.stringify(result, null, 2));
else {
  const pct = (x) => `${(100 * x).toFixed(0)}%`;
  const w = Math.max(...rows.map((r) => r.query.length));
  console.log(`KICS positives and negatives, ${rows.length} queries in scope (${base})\n`);
  console.log(`${'query'.padEnd(w)}  found/locs  recall  negatives(FP)`);
  for (const r of rows) {
    if (r.missing) {
      console.log(`${r.query.padEnd(w)}  (not in this corpus)`);
      continue;
    }
    const qfp = fps.filter((f) => f.query === r.query);
    const fpText = `${r.negatives} files, ${qfp.filter((f) => !f.stricter).length} FP${qfp.some((f) => f.stricter) ? ` + ${qfp.filter((f) => f.stricter).length} stricter` : ''}`;
    console.log(`${r.query.padEnd(w)}  ${`${r.found.length}/${r.total}`.padStart(10)}  ${pct(r.found.length / r.total).padStart(6)}  ${fpText}`);
    for (const m of r.missed) console.log(`${''.padEnd(w)}    missed ${m.file}:${m.line} (${m.block ?? 'no block'})${m.deliberate ? ` — deliberate: ${m.deliberate}` : ''}${m.errors ? ` errors: ${JSON.stringify(m.errors)}` : ''}`);
    if (verbose) for (const m of r.found) console.log(`${''.padEnd(w)}    found  ${m.file}:${m.line} → ${m.finding.rule}:${m.finding.line} ${m.finding.message}`);
  }
  console.log(`\nmacro recall ${pct(macro)} (mean of per-query recall); micro recall ${totalFound}/${totalLocs} = ${pct(result.microRecall)}`);
  console.log(`false positives on negative files: ${unexpectedFps.length}${fps.length > unexpectedFps.length ? ` (+ ${fps.length - unexpectedFps.length} where honban is deliberately stricter)` : ''}`);
  for (const f of fps) console.log(`  ${f.stricter ? 'stricter' : 'FP'} ${f.query} ${f.file}:${f.line} ${f.rule}${f.stricter ? ` — ${f.stricter}` : ` ${f.message ?? ''}`}`);
  for (const s of result.unusedStricter) console.log(`  note: stricter entry not seen any more: ${s.query} ${s.file} ${s.rule}`);
}
if (minRecall !== undefined && macro * 100 < Number(minRecall)) process.exit(1);
