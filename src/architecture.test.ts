/**
 * Architecture test: layers import downward only, no import cycles, rules read facts only and never a
 * command's module. The checker itself is tested on small invented module sets, so a check that
 * cannot fail would show here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './testing/cli.js';
import { importCycles, layerViolations } from './testing/layers.js';

const SRC = path.join(REPO, 'src');

function sources(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.set(path.relative(SRC, p).split(path.sep).join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(SRC);
  return out;
}

test('every module imports only its own layer or lower ones; rules read facts only', { skip: !existsSync(SRC) && 'installed package without sources' }, () => {
  assert.deepEqual(layerViolations(sources()), []);
});

test('no import cycle between modules', { skip: !existsSync(SRC) && 'installed package without sources' }, () => {
  assert.deepEqual(importCycles(sources()), []);
});

test('the layer check reports an import from a higher layer', () => {
  const v = layerViolations(new Map([
    ['collect/x.ts', "import { evaluate } from '../engine/evaluate.js';\n"],
    ['engine/evaluate.ts', ''],
  ]));
  assert.equal(v.length, 1);
  assert.match(v[0]!, /collect\/x\.ts \(collect\) imports engine\/evaluate\.ts from the higher layer engine/);
});

test("the layer check reports a rule that imports a command's module, a collector, or another domain", () => {
  const v = layerViolations(new Map([
    ['rules/env/a.ts', [
      "import { runEnv } from '../../commands/env/run.js';",
      "import { parseDotenv } from '../../collect/dotenv-parse.js';",
      "import { helper } from '../docker/_helper.js';",
      "import { ok } from './_ok.js';",
      "import { defineRule } from '../define.js';",
      "import type { DotenvFile } from '../../facts/dotenv.js';",
    ].join('\n')],
  ]));
  assert.equal(v.length, 3, JSON.stringify(v));
  assert.match(v[0]!, /commands\/env\/run\.ts from the higher layer commands/);
  assert.match(v[1]!, /collect\/dotenv-parse\.ts from collect: rules read facts only/);
  assert.match(v[2]!, /rules\/docker\/_helper\.ts: a rule imports only/);
});

test('the layer check reports test code imported by product code, and modules outside every layer', () => {
  const v = layerViolations(new Map([
    ['engine/a.ts', "import { expectLines } from '../testing/harness.js';\n"],
    ['stray.ts', ''],
  ]));
  assert.deepEqual(v.sort(), ['engine/a.ts imports test code testing/harness.ts', 'stray.ts: belongs to no layer (put it under one of contracts/, lib/, config/, facts/, collect/, derive/, rules/, engine/, report/, commands/, cli/, index.ts)'].sort());
});

test('the cycle check finds a cycle', () => {
  const c = importCycles(new Map([
    ['collect/a.ts', "import './b.js';"],
    ['collect/b.ts', "import './a.js';"],
    ['collect/c.ts', "import './a.js';"],
  ]));
  assert.deepEqual(c, [['collect/a.ts', 'collect/b.ts']]);
});
