import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, validateConfig } from './load.js';

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
