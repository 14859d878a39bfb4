/**
 * Meta-test over every rule: ids, metadata in both languages, one file per rule with a test beside
 * it, and the generated docs/rules.md / schema/honban.schema.json up to date.
 */
import { DISCOVERY_FACTS } from '../facts/skipped.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_RULES } from './index.js';
import { rulesMarkdown } from '../commands/rules-md.js';
import { CONFIG_SCHEMA } from '../config/schema.js';
import { SEVERITIES } from '../contracts/types.js';
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
      const cmd = r.command ?? 'scan';
      if (cmd === 'scan') assert.ok(COLLECTORS[f] || DERIVERS[f] || DISCOVERY_FACTS.includes(f), `${r.id}: fact ${f} has no collector or deriver`);
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

test('one rule per file, each with its test beside it', () => {
  if (!existsSync(srcRules)) return; // installed package without sources
  const files = new Map<string, string>();
  for (const dom of readdirSync(srcRules, { withFileTypes: true })) {
    if (!dom.isDirectory()) continue;
    for (const f of readdirSync(path.join(srcRules, dom.name))) {
      if (f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && !f.startsWith('_')) files.set(`${dom.name}/${f}`, path.join(srcRules, dom.name, f));
    }
  }
  const ruleFiles = [...files.entries()].filter(([, p]) => /export default define\w*Rule\(/.test(readFileSync(p, 'utf8')));
  assert.equal(ruleFiles.length, ALL_RULES.length, 'every rule file is listed in its domain index (and nothing else defines rules)');
  for (const [rel, p] of ruleFiles) {
    const testFile = p.replace(/\.ts$/, '.test.ts');
    assert.ok(existsSync(testFile), `${rel} has no test beside it`);
    const t = readFileSync(testFile, 'utf8');
    assert.ok(/assert|\bexpect[A-Z]\w*\(/.test(t), `${rel}: its test asserts nothing`);
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
