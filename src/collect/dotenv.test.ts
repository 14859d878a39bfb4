import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectFacts } from '../engine/collect.js';
import { toSourceFiles } from '../commands/scan.js';
import type { DotenvFile } from '../facts/dotenv.js';

test('dotenv collector: facts, provides, templates and registered secrets', async () => {
  const files = toSourceFiles([
    { path: '.env.production', content: 'export SECRET_KEY="k3y-Value-That-Is-Secret"\nDEBUG=0\nDATABASE_URL=postgres://app:dbpass-9x@db/app\n', gitTracked: true, mode: 0o644 },
    { path: '.env.example', content: 'SECRET_KEY=\n' },
    { path: 'app.py', content: 'print(1)\n' },
  ]);
  const { facts, secrets, errors } = await collectFacts(files, new Set(['dotenv']), { environment: 'production' });
  assert.deepEqual(errors, []);
  const list = facts.dotenv as unknown as DotenvFile[];
  assert.deepEqual(list.map((f) => [f.file, f.environment, f.template]), [['.env.example', 'template', true], ['.env.production', 'production', false]]);
  const prod = list[1]!;
  assert.equal(prod.gitTracked, true);
  assert.equal(prod.mode, 0o644);
  assert.deepEqual(prod.provides.map((p) => `${p.name}@${p.line}:${p.column} ${p.mechanism} ${p.viaSecretStore}`), [
    'SECRET_KEY@1:8 env-file false',
    'DEBUG@2:1 env-file false',
    'DATABASE_URL@3:1 env-file false',
  ]);
  assert.deepEqual([...secrets].sort(), ['dbpass-9x', 'k3y-Value-That-Is-Secret', 'postgres://app:dbpass-9x@db/app']);
});
