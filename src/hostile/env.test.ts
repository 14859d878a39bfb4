/**
 * Hostile input for `honban env` and `honban diff`: interpolation bombs, reference chains, deep
 * nesting, catastrophic patterns. Every case must end in bounded time and memory with a clear entry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpuMs, describeMeasured, measureCli } from '../testing/measure.js';
import { chainEnv, doublingEnv, nestedDefaults, repoWith } from '../testing/hostile.js';
import { expand, parseInterpolation, MAX_NESTING } from '../collect/env/interpolate.js';

const LIMIT_MS = 30_000;
const LIMIT_RSS = 600;

test('env: a .env of 24 doubling levels (393 bytes) ends with an expansion-size error, not out of memory', async () => {
  const text = doublingEnv(24);
  assert.ok(text.length < 400);
  const dir = repoWith({ '.env.production': text });
  const m = await measureCli(['env', dir, '--format', 'json', '--fail-on', 'none'], { timeoutMs: LIMIT_MS });
  console.log(describeMeasured('24-level doubling', m));
  assert.equal(m.code, 0, m.stderr);
  assert.ok(m.maxRssMiB !== undefined && m.maxRssMiB < LIMIT_RSS, `peak ${m.maxRssMiB} MiB`);
  const report = JSON.parse(m.stdout) as { errors: { file?: string; line?: number; message: string }[] };
  const limit = report.errors.filter((e) => /expands to more than/.test(e.message));
  assert.ok(limit.length > 0, JSON.stringify(report.errors));
  assert.equal(limit[0]!.file, '.env.production');
  assert.ok(limit[0]!.line! > 1);
});

test('env and diff: a 2,000-link reference chain ends with a chain-length error, not a crash', async () => {
  const dir = repoWith({ '.env.production': chainEnv(2000), '.env.staging': chainEnv(2000) });
  const m = await measureCli(['env', dir, '--format', 'json', '--fail-on', 'none'], { timeoutMs: LIMIT_MS });
  console.log(describeMeasured('2,000-link chain (env)', m));
  assert.equal(m.code, 0, m.stderr);
  const report = JSON.parse(m.stdout) as { errors: { message: string }[] };
  assert.ok(report.errors.some((e) => /chain of references longer than/.test(e.message)), JSON.stringify(report.errors.slice(0, 3)));
  const d = await measureCli(['diff', dir, '--from', 'staging', '--to', 'production', '--format', 'json'], { timeoutMs: LIMIT_MS });
  console.log(describeMeasured('2,000-link chain (diff)', d));
  assert.equal(d.code, 0, d.stderr);
  const diff = JSON.parse(d.stdout) as { errors: { message: string }[] };
  assert.ok(diff.errors.some((e) => /chain of references longer than/.test(e.message)));
});

test('env: 10,000 nested defaults in one value end with a nesting error', async () => {
  const dir = repoWith({ '.env.production': nestedDefaults(10_000) });
  const m = await measureCli(['env', dir, '--format', 'json', '--fail-on', 'none'], { timeoutMs: LIMIT_MS });
  console.log(describeMeasured('10k nesting', m));
  assert.equal(m.code, 0, m.stderr);
  const report = JSON.parse(m.stdout) as { errors: { message: string }[] };
  assert.ok(report.errors.some((e) => /nested more than/.test(e.message)), JSON.stringify(report.errors.slice(0, 3)));
});

test('interpolation: nesting deeper than the limit is kept as text and flagged', () => {
  const deep = '${A:-'.repeat(MAX_NESTING + 5) + 'x' + '}'.repeat(MAX_NESTING + 5);
  const segs = parseInterpolation(deep);
  const r = expand(segs, () => ({ defined: false, value: '' }));
  assert.equal(r.limit, 'nesting');
  const ok = '${A:-'.repeat(MAX_NESTING - 1) + 'x' + '}'.repeat(MAX_NESTING - 1);
  const r2 = expand(parseInterpolation(ok), () => ({ defined: false, value: '' }));
  assert.equal(r2.limit, undefined);
  assert.equal(r2.value, 'x');
});

test('interpolation: 100,000 unterminated "${" parse in linear time', () => {
  const s = '${'.repeat(100_000);
  let segs: ReturnType<typeof parseInterpolation> = [];
  const ms = cpuMs(() => (segs = parseInterpolation(s)));
  assert.ok(ms < 2_000, `${Math.round(ms)} ms of CPU`);
  assert.equal(expand(segs, () => ({ defined: false, value: '' })).value, s);
});
