import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { environmentOverrides, loadConfig, validateConfig } from './load.js';

const known = new Set(['docker/root-user', 'tf-aws/rds-public']);

test('validateConfig: a valid config has no problems', () => {
  assert.deepEqual(
    validateConfig(
      {
        environment: 'production',
        failOn: 'medium',
        ignore: ['fixtures/'],
        rules: { 'docker/root-user': 'low', 'tf-aws/rds-public': { severity: 'critical' } },
        waivers: [{ rule: 'tf-aws/*', path: 'infra/**', reason: 'deferred by PM decision', owner: 'sato', until: '2026-12-31' }],
        variables: { SECRET_KEY: { required: true, secret: true, minLength: 32, environments: { development: { required: false } } } },
        environments: { production: { files: ['.env', 'env/production/*.env'] } },
      },
      known,
    ),
    [],
  );
});

test('validateConfig: lists every problem at once, with its path', () => {
  const problems = validateConfig(
    {
      failOn: 'sometimes',
      colour: true,
      rules: { 'docker/root-usr': 'off', 'docker/root-user': 'loud' },
      waivers: [{ rule: 'docker/root-user' }, { rule: 'nope/*', reason: 'x', until: '2026-02-30' }, { rule: 'docker/root-user', reason: 'x', until: 'tomorrow' }],
      variables: { A: { pattern: '(' } },
    },
    known,
  );
  const text = problems.join('\n');
  for (const expected of [
    '(root): unknown key "colour"',
    'failOn: must be equal to one of the allowed values',
    'rules.docker/root-usr: unknown rule id',
    'waivers.0: must have required property \'reason\'',
    'waivers.1.rule: no rule matches "nope/*"',
    'waivers.1.until: "2026-02-30" is not a real date',
    'waivers.2.until: must match pattern',
    'variables.A.pattern: not a pattern honban can run: missing closing ): `(`',
  ]) {
    assert.ok(text.includes(expected), `missing "${expected}" in:\n${text}`);
  }
});

test('loadConfig: YAML errors and schema problems are user errors with every line', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'honban-config-'));
  const bad = path.join(dir, 'honban.yml');
  writeFileSync(bad, 'rules:\n  docker/root-user: loud\nwaivers:\n  - rule: docker/root-user\n');
  await assert.rejects(loadConfig(bad, known), (e: Error & { details?: string[] }) => {
    assert.match(e.message, /invalid config .*honban\.yml: \d+ problem/);
    assert.ok(e.details!.length >= 2);
    return true;
  });
  writeFileSync(bad, 'rules: [\n');
  await assert.rejects(loadConfig(bad, known), /YAML error/);
  writeFileSync(bad, 'failOn: low\n');
  assert.equal((await loadConfig(bad, known)).failOn, 'low');
  assert.deepEqual(await loadConfig(undefined), {});
});

test('environments: the list shorthand classifies files; the object form keeps files and aliases', async () => {
  assert.deepEqual(validateConfig({ environments: { production: ['compose.example.yml', 'deploy/**'], development: { paths: ['tools/**'], aliases: ['dev'] } } }, known), []);
  const problems = validateConfig({ environments: { production: 'compose.example.yml', staging: { globs: ['x'] } } }, known).join('\n');
  assert.match(problems, /environments\.production: must be a list of globs or \{ paths, files, aliases \}/);
  assert.match(problems, /environments\.staging: must be a list of globs or \{ paths, files, aliases \}/);
  const dir = mkdtempSync(path.join(tmpdir(), 'honban-config-'));
  const file = path.join(dir, 'honban.yml');
  writeFileSync(file, 'environments:\n  production: [compose.example.yml]\n  staging:\n    files: [env/staging.env]\n    paths: [deploy/staging/**]\n');
  const cfg = await loadConfig(file, known);
  assert.deepEqual(cfg.environments, { production: { paths: ['compose.example.yml'] }, staging: { files: ['env/staging.env'], paths: ['deploy/staging/**'] } });
  assert.deepEqual(environmentOverrides(cfg), [
    { environment: 'production', patterns: ['compose.example.yml'] },
    { environment: 'staging', patterns: ['deploy/staging/**', 'env/staging.env'] },
  ]);
});

test('validateConfig: checklist and history — every problem at once, with its path', () => {
  const ids = new Set(['docker/root-user', 'tls/expired-certificate', 'tls/weak-protocol']);
  const ok = validateConfig(
    {
      checklist: [
        { id: 'tls', title: 'TLS', priority: 'P0', owner: 'sato', due: '2026-12-01', checks: ['tls/*', 'docker/root-user'] },
        { id: 'rollback-plan', title: { en: 'Rollback plan', ja: 'ロールバック計画' }, priority: 'P0', status: 'done', evidence: 'docs/rollback.md', attested: { by: 'sato', on: '2026-11-20' }, reattest: '90d' },
        { id: 'waf', title: 'WAF', priority: 'P2', status: 'deferred', reason: 'deferred by PM decision', until: '2027-01-31' },
      ],
      history: { store: 'sqlite:.honban/history.sqlite', keep: '180d', project: 'acme/app' },
    },
    ids,
  );
  assert.deepEqual(ok, []);
  assert.deepEqual(validateConfig({ history: { keep: 500, store: 'postgres://honban@db.internal/honban' } }, ids), []);

  const problems = validateConfig(
    {
      checklist: [
        { id: 'a', title: 'A', priority: 'P3', checks: ['tls/*'], status: 'todo' },
        { id: 'a', title: { fr: 'B' }, priority: 'P0' },
        { id: 'c', title: 'C', priority: 'P1', status: 'deferred', until: '2026-02-30' },
        { id: 'd', title: 'D', priority: 'P1', status: 'done', reattest: 'quarterly' },
        { id: 'e', title: 'E', priority: 'P1', checks: ['nope/*', 'docker/root-usr'], reason: 'x' },
        { id: 'f', title: 'F', priority: 'P1', status: 'todo', until: '2027-01-01', colour: 'red' },
        { title: 'no id', priority: 'P1', status: 'todo' },
      ],
      history: { store: 'postgres://honban:hunter2hunter2@db/honban', keep: '6 months' },
    },
    ids,
  );
  const text = problems.join('\n');
  for (const expected of [
    'checklist.0.priority: must be equal to one of the allowed values: P0, P1, P2',
    'checklist.0: give either checks: (automated) or status: (manual), not both',
    'checklist.1.title: must be a string or { en, ja }',
    'checklist.1.id: "a" is also the id of checklist.0',
    'checklist.1: needs checks: (rule ids or globs such as tls/*) or a manual status:',
    'checklist.2.reason: a deferred item needs a reason',
    'checklist.2.until: "2026-02-30" is not a real date',
    'checklist.3.reattest: must match pattern',
    'checklist.3.attested: a done item needs attested: { by, on }',
    'checklist.4.checks.0: no rule matches "nope/*"',
    'checklist.4.checks.1: no rule matches "docker/root-usr"',
    'checklist.4.reason: only for manual items',
    'checklist.5: unknown key "colour"',
    'checklist.5.until: only for deferred, skipped or not-applicable items',
    "checklist.6: must have required property 'id'",
    'history.store: a password does not belong in honban.yml',
    'history.keep: must be a number of days (180d) or of runs (500)',
  ]) {
    assert.ok(text.includes(expected), `missing problem "${expected}" in:\n${text}`);
  }
  assert.ok(!text.includes('hunter2'), 'the password is never repeated');
});
