import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ALL_RULES } from '../index.js';
import { rules } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

test('probe rules: every rule file is listed, ids are unique, well-formed and probe-only', () => {
  const files = readdirSync(here).filter((f) => f.endsWith('.js') && !f.endsWith('.test.js') && !['index.js', 'util.js', 'login-util.js'].includes(f));
  assert.equal(rules.length, files.length, `listed ${rules.length}, files ${files.length}`);
  const ids = rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of rules) {
    assert.match(r.id, /^(dns|http|tls|headers|csp|server|cookie|cors|debug|login|health|perf|load)\/[a-z0-9]+(-[a-z0-9]+)*$/, r.id);
    assert.ok(!/\/no-/.test(r.id), `${r.id}: no "no-" prefix`);
    assert.equal(r.command, 'probe', r.id);
    // The file is named after the id: <domain>-<noun>.js
    assert.ok(files.includes(`${r.id.replace('/', '-')}.js`), `${r.id} lives in ${r.id.replace('/', '-')}.ts`);
    for (const k of ['title', 'description', 'fix'] as const) {
      assert.ok(r[k].en.length > 10 && r[k].ja.length > 5, `${r.id} ${k}`);
      assert.match(r[k].ja, /[\u3040-\u30ff\u4e00-\u9fff]/, `${r.id} ${k}.ja is Japanese`);
    }
    assert.ok(r.facts.length > 0 && r.facts.every((f) => f.startsWith('probe')), r.id);
  }
  for (const r of rules) assert.ok(ALL_RULES.includes(r), `${r.id} is in ALL_RULES (honban rules lists it)`);
});
