import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// V8 flags are per process: each case runs in a child with --trace-opt and counts the functions
// TurboFan finished compiling.
const JIT = new URL('./jit.js', import.meta.url).href;
const BIN = fileURLToPath(new URL('../../bin/honban.js', import.meta.url));
const compiled = (stderrAndOut: string) => stderrAndOut.split('\n').filter((l) => l.includes('completed compiling')).length;

function hotRun(setup: string): number {
  const script = `import * as jit from ${JSON.stringify(JIT)};
${setup}
function hot(n) { let s = 0; for (let i = 0; i < n; i++) s += (i * 7) % 13; return s; }
let x = 0; for (let k = 0; k < 3000; k++) x += hot(5000);
if (x < 0) console.log(x);`;
  const r = spawnSync(process.execPath, ['--trace-opt', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return compiled(r.stdout + r.stderr);
}

test('jit: deferOptimisation stops TurboFan; optimiseIfLong turns it on again only for a long run', () => {
  assert.ok(hotRun('') > 0, 'a hot function is optimised by default (else this test proves nothing)');
  assert.equal(hotRun('jit.deferOptimisation();'), 0);
  assert.equal(hotRun('jit.deferOptimisation(); if (jit.optimiseIfLong(jit.OPTIMISE_FROM_TASKS - 1)) throw new Error("on");'), 0);
  assert.ok(hotRun('jit.deferOptimisation(); if (!jit.optimiseIfLong(jit.OPTIMISE_FROM_TASKS)) throw new Error("off");') > 0);
  // Without the CLI's deferral (the library), nothing is changed.
  assert.ok(hotRun('if (jit.optimiseIfLong(jit.OPTIMISE_FROM_TASKS)) throw new Error("changed");') > 0);
});

test('jit: the command line scans a small tree without TurboFan, worker threads included', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'honban-jit-'));
  try {
    for (let i = 0; i < 40; i++) {
      mkdirSync(path.join(dir, `svc${i}`));
      writeFileSync(path.join(dir, `svc${i}`, 'settings.py'), `DEBUG = True\nALLOWED_HOSTS = ["*"]\nINSTALLED_APPS = ["django.contrib.admin"]\nROOT_URLCONF = "svc${i}.urls"\n`);
    }
    const out = path.join(dir, 'report.json');
    const r = spawnSync(process.execPath, ['--trace-opt', BIN, 'scan', dir, '--no-cache', '--format', 'json', '--output', out, '--fail-on', 'none'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    assert.ok(report.findings.length > 0, 'the scan did its work');
    assert.equal(compiled(r.stdout + r.stderr), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
