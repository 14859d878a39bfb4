/**
 * The secrets policy (DESIGN.md): no secret value appears in any output, in any format, in any
 * command, in any error message — not even a prefix. This test feeds known secret values through
 * every scan format and checks stdout, stderr and written files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { honban, REPO } from '../testing/cli.js';

/** Every secret value planted in examples/flask-leaky, with where it is. */
const PLANTED: { value: string; where: string }[] = [
  // The access key id (line 11) is an identifier; the pair is reported at the secret key's line.
  { value: 'AKIAZ3MLQW7RT2XK9PVB', where: '.env.production:12' },
  { value: 'q8Vd2LrX0tYbN5mKc7WfJ3sHa9PzE1uGi4oRl6Te', where: '.env.production:12' },
  { value: '9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc', where: 'Dockerfile:4' },
  { value: 'sk-proj-Q2x8VbN4mL7kP0sR5tY9wZ3cF6hJ1dG8aE2uI4oK', where: 'docker-compose.yml:8' },
  { value: 'Zx81kQpL0vR7tY2uW9sN4mB6cV3bH5jG', where: 'deploy/memo.service:7' },
];

/** Fragments long enough that their presence would be a leak of a prefix or suffix. */
function fragments(value: string): string[] {
  return [value, value.slice(0, 10), value.slice(-10)];
}

function assertClean(text: string, label: string) {
  for (const { value } of PLANTED) {
    for (const frag of fragments(value)) assert.ok(!text.includes(frag), `${label} leaks a secret fragment "${frag.slice(0, 3)}…"`);
  }
}

test('no planted secret appears in any format, language, baseline or output file', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'honban-leak-'));
  const dir = path.join(work, 'app');
  cpSync(path.join(REPO, 'examples', 'flask-leaky'), dir, { recursive: true });
  // A malformed file holding a secret: its parse error must not quote it.
  writeFileSync(path.join(dir, 'docker-compose.override.yml'), `services:\n  web:\n    environment:\n      API_TOKEN: "${PLANTED[1]!.value}\n    ports: [\n`);
  let total = 0;
  for (const format of ['pretty', 'json', 'sarif', 'junit', 'markdown', 'html']) {
    for (const lang of ['en', 'ja']) {
      const r = honban(['scan', dir, '--format', format, '--lang', lang, '--fail-on', 'none']);
      assert.equal(r.code, 0, `${format}/${lang}: ${r.stderr}`);
      assertClean(r.stdout, `${format}/${lang} stdout`);
      assertClean(r.stderr, `${format}/${lang} stderr`);
      total += r.stdout.length;
    }
  }
  assert.ok(total > 0);
  const base = path.join(work, 'baseline.json');
  const out = path.join(work, 'out.json');
  honban(['scan', dir, '--write-baseline', base, '--format', 'json', '--output', out, '--fail-on', 'none']);
  assertClean(readFileSync(base, 'utf8'), 'baseline');
  assertClean(readFileSync(out, 'utf8'), 'json --output');
  const rules = honban(['rules', '--format', 'json']);
  assertClean(rules.stdout, 'rules');
});

test('the planted secrets are found (so the leak test above is not vacuous)', () => {
  const r = honban(['scan', path.join(REPO, 'examples', 'flask-leaky'), '--format', 'json', '--fail-on', 'none']);
  const report = JSON.parse(r.stdout) as { findings: { file: string; line?: number; ruleId: string }[] };
  const at = new Set(report.findings.map((f) => `${f.file}:${f.line}`));
  for (const { where } of PLANTED) assert.ok(at.has(where), `no finding at ${where}; findings: ${[...at].join(', ')}`);
});

test('honban check: no planted secret in any format, in the history store or in history output', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'honban-leak-check-'));
  const dir = path.join(work, 'app');
  cpSync(path.join(REPO, 'examples', 'flask-leaky'), dir, { recursive: true });
  for (const format of ['pretty', 'json', 'markdown', 'html', 'sarif', 'junit']) {
    const lang = format === 'html' || format === 'pretty' ? 'ja' : 'en';
    const r = honban(['check', dir, '--format', format, '--lang', lang, '--fail-on', 'none']);
    assert.ok(r.code === 0 || r.code === 1, `${format}: ${r.stderr}`);
    assert.ok(r.stdout.length > 1000, `${format} printed a report`);
    assertClean(r.stdout, `check ${format} stdout`);
    assertClean(r.stderr, `check ${format} stderr`);
  }
  // Every byte the store wrote (the database, and no journal left behind).
  const store = path.join(dir, '.honban');
  // (`cache/` is the scan's fact cache, not the history store.)
  assert.deepEqual(readdirSync(store).filter((n) => n !== 'cache').sort(), ['.gitignore', 'history.sqlite']);
  const bytes = readFileSync(path.join(store, 'history.sqlite'));
  assert.ok(bytes.length > 10_000);
  assertClean(bytes.toString('latin1'), 'history.sqlite');
  assert.ok(bytes.includes(Buffer.from('docker/secret-in-env')), 'the store does hold the findings (so this check is not vacuous)');
  for (const args of [['history', dir, '--format', 'json'], ['history', 'diff', '--dir', dir, '--format', 'markdown']]) {
    const r = honban(args);
    assert.equal(r.code, 0, r.stderr);
    assertClean(r.stdout, args.join(' '));
  }
});
