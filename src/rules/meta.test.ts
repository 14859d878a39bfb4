/**
 * Meta-test over every rule: ids, metadata in both languages, rule path = rule id (one file per
 * rule, its test beside it), and the generated src/rules/index.ts, docs/rules.md and
 * schema/honban.schema.json up to date.
 */
import { DISCOVERY_FACTS } from '../facts/skipped.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_RULES } from './index.js';
import { loadDomains, loadRules, loadRulesOfCommand, RULE_CATALOG, RULE_IDS } from './catalog.js';
import { rulesMarkdown } from '../commands/rules-md.js';
import { CONFIG_SCHEMA } from '../config/schema.js';
import { ruleCommands, SEVERITIES } from '../contracts/types.js';
import { COLLECTORS } from '../collect/index.js';
import { DERIVERS } from '../derive/index.js';

const here = path.dirname(fileURLToPath(import.meta.url)); // dist/rules
const repo = path.resolve(here, '../..');
const srcRules = path.join(repo, 'src', 'rules');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

test('every rule has a well-formed, unique id', () => {
  const seen = new Set<string>();
  for (const r of ALL_RULES) {
    assert.match(r.id, /^[a-z0-9-]+\/[a-z0-9-]+$/, `bad id ${r.id}`);
    assert.ok(!r.id.split('/')[1]!.startsWith('no-'), `${r.id}: ids name the failing state, no "no-" prefix`);
    assert.ok(!seen.has(r.id), `duplicate id ${r.id}`);
    seen.add(r.id);
  }
  assert.ok(ALL_RULES.length > 0);
});

test('every rule has severity, facts and en + ja title, description and fix', () => {
  for (const r of ALL_RULES) {
    assert.ok((SEVERITIES as readonly string[]).includes(r.severity), `${r.id}: severity`);
    assert.ok(Array.isArray(r.facts) && r.facts.length > 0, `${r.id}: declares the facts it needs`);
    for (const f of r.facts) {
      if (ruleCommands(r).includes('scan')) assert.ok(COLLECTORS[f] || DERIVERS[f] || DISCOVERY_FACTS.includes(f), `${r.id}: fact ${f} has no collector or deriver`);
    }
    for (const field of ['title', 'description', 'fix'] as const) {
      const v = r[field];
      assert.ok(v.en && v.en.trim().length > 3, `${r.id}: ${field}.en`);
      assert.ok(v.ja && v.ja.trim().length > 1, `${r.id}: ${field}.ja`);
      assert.ok(JAPANESE.test(v.ja), `${r.id}: ${field}.ja is not Japanese`);
      assert.notEqual(v.en, v.ja, `${r.id}: ${field} not translated`);
    }
    assert.ok(r.description.en.length >= 40, `${r.id}: description says why it matters`);
    assert.equal(typeof r.check, 'function');
    if (r.environments) assert.ok(r.environments.length > 0, `${r.id}: empty environments`);
  }
});

test('rule path = rule id: every rule is src/rules/<domain>/<name>.ts, one per file, its test beside it', () => {
  if (!existsSync(srcRules)) return; // installed package without sources
  const ids = new Set(ALL_RULES.map((r) => r.id));
  const seen = new Set<string>();
  for (const dom of readdirSync(srcRules, { withFileTypes: true })) {
    if (!dom.isDirectory()) continue;
    for (const f of readdirSync(path.join(srcRules, dom.name))) {
      if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
      const rel = `${dom.name}/${f.slice(0, -3)}`;
      const text = readFileSync(path.join(srcRules, dom.name, f), 'utf8');
      // A rule is declared by defineRule or a domain's declaration helper (defineAwsRule …).
      const defines = (text.match(/^export default define\w*Rule\(/gm) ?? []).length;
      if (f.startsWith('_')) {
        assert.equal(defines, 0, `${rel}: a _helper defines no rule`);
        continue;
      }
      assert.ok(/^export default define\w*Rule\(/m.test(text), `${rel}.ts is not a rule: name helpers _${f} (or move shared code to lib/ or facts/)`);
      assert.equal(defines, 1, `${rel}: one rule per file`);
      const id = /^\s*id: '([^']+)'/m.exec(text)?.[1];
      assert.equal(id, rel, `src/rules/${rel}.ts defines ${id}: the path of a rule is its id`);
      assert.ok(ids.has(rel), `${rel} is not in ALL_RULES (src/rules/index.ts is stale: npm run build)`);
      seen.add(rel);
      const testFile = path.join(srcRules, dom.name, f.replace(/\.ts$/, '.test.ts'));
      assert.ok(existsSync(testFile), `${rel} has no test beside it`);
      const t = readFileSync(testFile, 'utf8');
      assert.ok(/assert|\bexpect[A-Z]\w*\(/.test(t), `${rel}: its test asserts nothing`);
    }
    for (const d of readdirSync(path.join(srcRules, dom.name), { withFileTypes: true })) assert.ok(!d.isDirectory(), `src/rules/${dom.name}/${d.name}/: a rule domain holds rule files and _helpers only`);
  }
  assert.deepEqual([...ids].filter((id) => !seen.has(id)), [], 'every rule in ALL_RULES has its file');
});

test('the catalog knows every rule without loading it: its id and commands are the loaded rule\'s; loaders load those rules only', async () => {
  assert.deepEqual(RULE_CATALOG.map((r) => r.id), ALL_RULES.map((r) => r.id));
  assert.equal(RULE_IDS.size, ALL_RULES.length);
  for (const r of ALL_RULES) assert.deepEqual([...RULE_CATALOG.find((e) => e.id === r.id)!.commands], [...ruleCommands(r)], r.id);
  const all = await loadRules();
  assert.deepEqual(all, ALL_RULES, 'the lazy loaders give the very rule objects of the index');
  for (const command of ['scan', 'env', 'probe', 'host'] as const) {
    assert.deepEqual((await loadRulesOfCommand(command)).map((r) => r.id), ALL_RULES.filter((r) => ruleCommands(r).includes(command)).map((r) => r.id), command);
  }
  assert.deepEqual((await loadDomains(['sshd', 'gunicorn'])).map((r) => r.id), ALL_RULES.filter((r) => /^(sshd|gunicorn)\//.test(r.id)).map((r) => r.id));
});

test('src/rules/index.ts and src/rules/catalog.ts are generated from the rule files (npm run build)', () => {
  if (!existsSync(srcRules)) return;
  const r = spawnSync(process.execPath, [path.join(repo, 'scripts', 'gen-rules-index.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('probe rules judge probe facts only, and only probe rules do', () => {
  for (const r of ALL_RULES) {
    const live = r.facts.every((f) => f.startsWith('probe'));
    assert.equal(live, ruleCommands(r).includes('probe'), `${r.id}: command ${ruleCommands(r).join(', ')}, facts ${r.facts.join(', ')}`);
  }
});

test('docs/rules.md is generated from the current rules (run `npm run docs`)', () => {
  const file = path.join(repo, 'docs', 'rules.md');
  assert.ok(existsSync(file), 'docs/rules.md missing: run npm run docs');
  assert.equal(readFileSync(file, 'utf8'), rulesMarkdown(), 'docs/rules.md is stale: run npm run docs');
});

test('schema/honban.schema.json is the current config schema (run `npm run docs`)', () => {
  const file = path.join(repo, 'schema', 'honban.schema.json');
  assert.ok(existsSync(file), 'schema/honban.schema.json missing: run npm run docs');
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
});
