/**
 * "A secret value is never printed": known secret values (every value containing LEAK in the
 * `leaky` fixture — env files, a Docker secrets dir, a X_FILE pointer, the process environment,
 * tfvars, a code default, honban.yml literals) are fed through every command and format, and no
 * output — stdout, stderr or a file honban writes — contains any of them, not even a piece.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyFixture, honban, type CliResult } from '../../testing/env-e2e.js';

const PROCESS_SECRET = 'LEAK-process-env-0009';
let dir: string;
let cleanup: () => void;
let needles: string[];

/** Every LEAK value of the fixture, and every piece of it around the marker (≥ 6 characters). */
function collectNeedles(root: string): string[] {
  const out = new Set<string>([PROCESS_SECRET]);
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else for (const m of readFileSync(p, 'utf8').matchAll(/[A-Za-z0-9_$().\/-]*LEAK[A-Za-z0-9_$().\/-]*/g)) out.add(m[0]);
    }
  };
  walk(root);
  for (const v of [...out]) for (const piece of v.split('LEAK')) if (piece.replace(/[^A-Za-z0-9]/g, '').length >= 6) out.add(piece);
  return [...out];
}

function assertClean(what: string, r: CliResult | string): void {
  const text = typeof r === 'string' ? r : r.stdout + '\n' + r.stderr;
  assert.ok(!text.includes('LEAK'), `${what}: the LEAK marker of a secret appears:\n${text}`);
  for (const n of needles) assert.ok(!text.includes(n), `${what}: a piece of a secret appears: ${n}`);
}

const ENV = { API_TOKEN: PROCESS_SECRET };

before(() => {
  ({ dir, cleanup } = copyFixture('leaky'));
  needles = collectNeedles(dir);
});
after(() => cleanup());

test('honban env: every format, --explain, both languages — no secret in the output', async () => {
  const base = ['env', dir, '--secrets-dir', path.join(dir, 'secrets'), '--process-env'];
  let findings = 0;
  for (const format of ['pretty', 'json', 'sarif', 'junit', 'markdown']) {
    for (const lang of ['en', 'ja']) {
      const r = await honban([...base, '-f', format, '--lang', lang], { env: ENV });
      assert.equal(r.code, 1, `${format}: weak secrets fail the run\n${r.stderr}`);
      assertClean(`env -f ${format} --lang ${lang}`, r);
      if (format === 'json') findings = JSON.parse(r.stdout).findings.length;
    }
  }
  // The fixture exercises the rules that talk about secret values.
  const j = JSON.parse((await honban([...base, '-f', 'json'], { env: ENV })).stdout) as { findings: { ruleId: string; key?: string }[]; errors: { kind: string }[] };
  const ids = new Set(j.findings.map((f) => f.ruleId));
  for (const id of ['env/weak-secret', 'env/invalid-value', 'env/forbidden-value', 'env/unresolved-reference', 'env/command-substitution', 'env/secret-shared-across-environments']) assert.ok(ids.has(id), `${id} reported`);
  assert.ok(j.errors.some((e) => e.kind === 'parse'), 'the broken line is a parse problem');
  assert.ok(findings >= 10);
  for (const lang of ['en', 'ja']) {
    assertClean(`env --explain --lang ${lang}`, await honban([...base, '--explain', '--lang', lang], { env: ENV }));
    assertClean(`env --explain -f json --lang ${lang}`, await honban([...base, '--explain', '-f', 'json', '--lang', lang], { env: ENV }));
  }
  assertClean('env --env staging', await honban(['env', dir, '--env', 'staging', '--explain']));
  const baseline = path.join(dir, 'baseline.json');
  await honban([...base, '--write-baseline', baseline], { env: ENV });
  assertClean('baseline file', readFileSync(baseline, 'utf8'));
});

test('honban diff: pretty, json, markdown — secrets compared, never shown (env files and tfvars)', async () => {
  for (const format of ['pretty', 'json', 'markdown']) {
    for (const lang of ['en', 'ja']) {
      const r = await honban(['diff', dir, '--from', 'production', '--to', 'staging', '-f', format, '--lang', lang]);
      assert.equal(r.code, 0, r.stderr);
      assertClean(`diff -f ${format} --lang ${lang}`, r);
    }
  }
  const d = JSON.parse((await honban(['diff', dir, '--from', 'production', '--to', 'staging', '-f', 'json'])).stdout);
  assert.equal(d.rows.find((r: { key: string }) => r.key === 'SECRET_KEY').status, 'same', 'compared without being shown');
  assert.equal(d.tfvars.rows.find((r: { key: string }) => r.key === 'db_password').status, 'changed');
});

test('honban env snapshot / drift: outputs and stored files hold no secret', async () => {
  const sd = ['--secrets-dir', path.join(dir, 'secrets'), '--process-env'];
  assertClean('snapshot', await honban(['env', 'snapshot', dir, ...sd], { env: ENV }));
  assertClean('snapshot -f json', await honban(['env', 'snapshot', dir, ...sd, '-f', 'json'], { env: ENV }));
  writeFileSync(path.join(dir, 'secrets', 'db_password'), 'LEAK-rotated-docker-secret-0030\n');
  needles.push('LEAK-rotated-docker-secret-0030', '-rotated-docker-secret-0030');
  for (const format of ['pretty', 'json', 'markdown']) {
    const r = await honban(['env', 'drift', dir, ...sd, '-f', format], { env: { API_TOKEN: 'LEAK-process-env-rotated-0031' } });
    assert.equal(r.code, 1);
    assertClean(`drift -f ${format}`, r);
  }
  needles.push('LEAK-process-env-rotated-0031');
  assertClean('snapshot --list', await honban(['env', 'snapshot', dir, '--list']));
  for (const f of readdirSync(path.join(dir, '.honban'))) assertClean(`.honban/${f}`, readFileSync(path.join(dir, '.honban', f), 'utf8'));
});

test('honban env init: the proposal and the written honban.yml hold no secret', async () => {
  const out = await honban(['env', 'init', dir, '--stdout']);
  assert.equal(out.code, 0, out.stderr);
  assertClean('init --stdout', out);
  const w = await honban(['env', 'init', dir]);
  assert.equal(w.code, 0, w.stderr);
  assertClean('init', w);
  // honban.yml held two LEAK literals of its own (forbid / equals of secrets): they stay, nothing is added.
  const written = readFileSync(path.join(dir, 'honban.yml'), 'utf8');
  assert.equal((written.match(/LEAK/g) ?? []).length, 2);
  assert.match(written, /API_TOKEN:/);
});
