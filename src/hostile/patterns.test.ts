/**
 * Every secret / placeholder pattern runs in linear time: each is timed on 1 MiB values built to
 * make a backtracking expression slow (a 200 KB value took 47 s with `/.*[_\-\s]here$/i`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CREDENTIAL_PATTERNS, isPlaceholder, isSecretName, looksLikeCredential, NAME_PATTERNS, TOKEN_PATTERNS, PLACEHOLDER_PATTERNS, WEAK_WORDS, weakSecretReason } from '../lib/secrets.js';
import { adversarialInputs, MIB } from '../testing/hostile.js';
import { pythonMayMatter, RELEVANCE_PATTERNS } from '../collect/python/relevance.js';
import { cpuMs } from '../testing/measure.js';

/** CPU time, generous: a linear pattern takes a few milliseconds on 1 MiB; a quadratic one minutes. */
const LIMIT_MS = 1_500;

function timeEach(re: RegExp, label: string): number {
  let worst = 0;
  for (const input of adversarialInputs(re)) {
    const ms = cpuMs(() => re.test(input));
    worst = Math.max(worst, ms);
    assert.ok(ms < LIMIT_MS, `${label} ${re} took ${Math.round(ms)} ms on a 1 MiB input starting ${JSON.stringify(input.slice(0, 12))}`);
  }
  return worst;
}

test('every placeholder pattern is linear on 1 MiB values', () => {
  let worst = 0;
  for (const re of PLACEHOLDER_PATTERNS) worst = Math.max(worst, timeEach(re, 'placeholder'));
  worst = Math.max(worst, timeEach(WEAK_WORDS, 'weak words'));
  console.log(`worst placeholder pattern on 1 MiB: ${worst.toFixed(1)} ms`);
});

test('every credential-shape pattern is linear on 1 MiB values (env --explain and diff run them on every value)', () => {
  let worst = 0;
  for (const re of CREDENTIAL_PATTERNS) worst = Math.max(worst, timeEach(re, 'credential'));
  for (const p of TOKEN_PATTERNS) worst = Math.max(worst, timeEach(p.re, p.name));
  for (const v of ['eyJ'.repeat(MIB / 3), 'eyJa.'.repeat(MIB / 5), 'SG.' + 'a'.repeat(MIB), 'AKIA'.repeat(MIB / 4), 'Bearer '.repeat(MIB / 7)]) {
    const ms = cpuMs(() => looksLikeCredential(v));
    assert.ok(ms < LIMIT_MS, `looksLikeCredential took ${Math.round(ms)} ms of CPU on ${v.slice(0, 8)}…`);
  }
  console.log(`worst credential pattern on 1 MiB: ${worst.toFixed(1)} ms`);
});

test('every secret-name pattern is linear on 1 MiB keys', () => {
  let worst = 0;
  for (const re of NAME_PATTERNS) worst = Math.max(worst, timeEach(re, 'name'));
  console.log(`worst name pattern on 1 MiB: ${worst.toFixed(1)} ms`);
});

test("the python collector's cheap check (which files to parse) is linear on 1 MiB files", () => {
  let worst = 0;
  for (const re of RELEVANCE_PATTERNS) worst = Math.max(worst, timeEach(re, 'relevance'));
  for (const v of ['token'.repeat(MIB / 5), 'password_'.repeat(MIB / 9) + ':', 'class '.repeat(MIB / 6), 'class X(' + 'Y, '.repeat(MIB / 3), '://'.repeat(MIB / 3), '://' + ':'.repeat(MIB), '\n workers '.repeat(MIB / 10), 'token:'.repeat(MIB / 6)]) {
    const ms = cpuMs(() => pythonMayMatter(v));
    worst = Math.max(worst, ms);
    assert.ok(ms < LIMIT_MS, `pythonMayMatter took ${Math.round(ms)} ms of CPU on ${JSON.stringify(v.slice(0, 12))}…`);
  }
  console.log(`worst relevance pattern on 1 MiB: ${worst.toFixed(1)} ms`);
});

test('isPlaceholder, weakSecretReason and isSecretName end quickly on 1 MiB inputs', () => {
  const inputs = [
    'api_key'.repeat(MIB / 7) + '_here',
    ' here'.repeat(MIB / 5) + '!',
    '_expir'.repeat(MIB / 6) + '!',
    '_rotation'.repeat(MIB / 9) + 'x',
    'your_'.repeat(MIB / 5) + '\n!',
    'QUJD'.repeat(MIB / 4),
  ];
  for (const v of inputs) {
    const ms = cpuMs(() => {
      isPlaceholder(v);
      weakSecretReason(v);
      isSecretName(v);
    });
    assert.ok(ms < 3 * LIMIT_MS, `${Math.round(ms)} ms of CPU for ${JSON.stringify(v.slice(0, 12))}`);
  }
  // The linear rewrites keep their meaning.
  assert.equal(isPlaceholder('api_key_here'), true);
  assert.equal(isPlaceholder('multi\nline here'), true);
  assert.equal(isSecretName('TOKEN_EXPIRES_AT'), false);
  assert.equal(isSecretName('SECRET_ROTATION_DAYS'), false);
  assert.equal(isSecretName('SECRET_EXPIRY-KEY'), true);
});

test('user patterns: a catastrophic honban.yml pattern does not hang `env` (RE2, linear)', async () => {
  const { repoWith } = await import('../testing/hostile.js');
  const { measureCli, describeMeasured } = await import('../testing/measure.js');
  const value = 'a'.repeat(100_000) + '!';
  const dir = repoWith({
    'honban.yml': `variables:\n  APP_CODE:\n    pattern: '^(a+)+$'\n  OTHER:\n    pattern: '^(\\w+\\s?)*$'\n`,
    '.env.production': `APP_CODE=${value}\nOTHER=${'word '.repeat(20_000)}!\n`,
  });
  const m = await measureCli(['env', dir, '--format', 'json', '--fail-on', 'none'], { timeoutMs: 60_000 });
  console.log(describeMeasured('catastrophic honban.yml pattern on a 100 KB value', m));
  assert.equal(m.code, 0, m.stderr);
  const report = JSON.parse(m.stdout) as { findings: { ruleId: string; key?: string; message: string }[] };
  const invalid = report.findings.filter((f) => /does not match the pattern/.test(f.message));
  assert.deepEqual(invalid.map((f) => f.key).sort(), ['APP_CODE', 'OTHER']);
});

test('user patterns: lookahead and backreferences are refused with a clear config error (exit 2)', async () => {
  const { repoWith } = await import('../testing/hostile.js');
  const { honban } = await import('../testing/cli.js');
  const dir = repoWith({ 'honban.yml': `variables:\n  A:\n    pattern: '^(?=x)'\n  B:\n    pattern: '(a)\\1'\n`, '.env.production': 'A=x\nB=aa\n' });
  const r = honban(['env', dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /variables\.A\.pattern: not a pattern honban can run: uses lookahead/);
  assert.match(r.stderr, /variables\.B\.pattern: not a pattern honban can run: uses a backreference/);
  assert.doesNotMatch(r.stderr, /crashed/);
});

test('globs from scanned files match in linear time (nginx include, honban.yml files, Dockerfile COPY)', async () => {
  const { globMatcher } = await import('../lib/glob.js');
  const long = 'a'.repeat(5000) + 'c';
  for (const g of ['a*a*a*a*a*a*a*a*a*a*b', '**/a*a*a*a*a*a*a*b', '*a*a*a*a*a*a*a*a*a*{b,d}']) {
    let matched = true;
    const ms = cpuMs(() => (matched = globMatcher(g).test(long)));
    assert.equal(matched, false);
    assert.ok(ms < 1_000, `${g}: ${Math.round(ms)} ms of CPU`);
  }
  assert.equal(globMatcher('config/**/*.env').test('config/a/b.env'), true);
  assert.equal(globMatcher('conf.d/[!_]*.conf', { globstar: false, braces: false }).test('conf.d/site.conf'), true);
  assert.equal(globMatcher('conf.d/[!_]*.conf', { globstar: false, braces: false }).test('conf.d/_x.conf'), false);
  assert.equal(globMatcher('[z-a]').test('[z-a]'), true, 'a glob RE2 refuses matches only itself');
});
