import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawFinding } from '../../contracts/types.js';
import { applyBaseline, makeBaseline } from './baseline.js';
import { collapseDuplicates, postProcess, dedupe } from './index.js';
import { SecretMasker } from './mask.js';
import { applySuppressions } from './suppress.js';
import { findDirectives } from '../../lib/directives.js';
import { applyWaivers } from './waive.js';
import { fingerprintOf } from '../../lib/fingerprint.js';

function f(partial: Partial<RawFinding> & { ruleId: string; file: string; line?: number }): RawFinding {
  return {
    severity: 'high',
    message: { en: `${partial.ruleId} problem`, ja: `${partial.ruleId} の問題` },
    fix: { en: 'fix it', ja: '直す' },
    status: 'open',
    fingerprint: fingerprintOf(partial.ruleId, partial.file, String(partial.line ?? '')),
    ...partial,
  };
}

test('findDirectives: comment syntaxes per file kind, ids, reasons', () => {
  assert.deepEqual(findDirectives('# honban-ignore docker/root-user -- base image drops privileges\n', 'dockerfile'), [
    { line: 1, column: 3, rules: ['docker/root-user'], reason: 'base image drops privileges' },
  ]);
  assert.deepEqual(findDirectives('x = 1 // honban-ignore a/b, c/d -- why\n', 'javascript')[0]!.rules, ['a/b', 'c/d']);
  assert.equal(findDirectives('<!-- honban-ignore flask/cdn-blocked-by-csp -- vendored copy -->\n', 'html')[0]!.reason, 'vendored copy');
  assert.equal(findDirectives('x = "honban-ignore a/b -- not a comment"\n', 'python').length, 0);
  assert.equal(findDirectives('# honban-ignore a/b\n', 'python')[0]!.reason, undefined);
});

test('applySuppressions: same line or the line before, reason required, wildcard per domain', () => {
  const files = new Map([
    ['Dockerfile', { kind: 'dockerfile' as const, content: 'FROM x\n# honban-ignore docker/root-user -- distroless\nUSER root\nRUN a # honban-ignore docker/* -- vendor step\n# honban-ignore docker/sudo\nRUN sudo x\n' }],
  ]);
  const out = applySuppressions(
    [
      f({ ruleId: 'docker/root-user', file: 'Dockerfile', line: 3 }),
      f({ ruleId: 'docker/chmod-777', file: 'Dockerfile', line: 4 }),
      f({ ruleId: 'docker/sudo', file: 'Dockerfile', line: 6 }),
      f({ ruleId: 'docker/root-user', file: 'Dockerfile', line: 1 }),
    ],
    files,
  );
  assert.deepEqual(out.map((x) => [x.line, x.status]), [[3, 'suppressed'], [4, 'suppressed'], [6, 'open'], [1, 'open']]);
  assert.equal(out[0]!.statusReason, 'distroless');
});

test('applyWaivers: rule / path match, owner, expiry reopens with a reason', () => {
  const waivers = [
    { rule: 'tf-aws/rds-single-az', path: 'infra/**', reason: 'deferred by PM decision', owner: 'sato', until: '2026-12-31' },
    { rule: 'docker/*', reason: 'skipped by ops decision', until: '2026-01-01' },
  ];
  const out = applyWaivers(
    [f({ ruleId: 'tf-aws/rds-single-az', file: 'infra/rds.tf', line: 3 }), f({ ruleId: 'tf-aws/rds-single-az', file: 'other/rds.tf', line: 3 }), f({ ruleId: 'docker/root-user', file: 'Dockerfile', line: 1 })],
    waivers,
    '2026-06-01',
  );
  assert.equal(out[0]!.status, 'waived');
  assert.equal(out[0]!.owner, 'sato');
  assert.equal(out[0]!.statusReason, 'deferred by PM decision');
  assert.equal(out[1]!.status, 'open');
  assert.equal(out[2]!.status, 'open');
  assert.match(out[2]!.statusReason!, /waiver expired on 2026-01-01: skipped by ops decision/);
});

test('baseline: fingerprints ignore line moves; new findings stay open; duplicates matched as a multiset', () => {
  const a = f({ ruleId: 'x/y', file: 'a', line: 1, fingerprint: 'fp1' });
  const base = makeBaseline([a, f({ ruleId: 'x/y', file: 'a', line: 9, fingerprint: 'fp2' })], new Date('2026-01-01'));
  assert.deepEqual(Object.keys(base.findings[0]!).sort(), ['file', 'fingerprint', 'ruleId']);
  const out = applyBaseline(
    [f({ ruleId: 'x/y', file: 'a', line: 5, fingerprint: 'fp1' }), f({ ruleId: 'x/y', file: 'a', line: 6, fingerprint: 'fp1' }), f({ ruleId: 'x/y', file: 'a', line: 7, fingerprint: 'fp3' })],
    base,
  );
  assert.deepEqual(out.map((x) => x.status), ['baseline', 'open', 'open']);
  // Content fingerprints: whitespace-normalized, line-independent.
  assert.equal(fingerprintOf('r', 'f', '  DEBUG = True '), fingerprintOf('r', 'f', 'DEBUG   =   True'));
  assert.notEqual(fingerprintOf('r', 'f', 'DEBUG = True'), fingerprintOf('r', 'g', 'DEBUG = True'));
});

test('SecretMasker: random-looking values masked everywhere, longest first, deep', () => {
  const m = new SecretMasker();
  m.add(['s3cr3t-Value-1234', 's3cr3t', 'ab', undefined]);
  assert.equal(m.mask('key s3cr3t-Value-1234 and s3cr3t'), 'key **** and ****');
  assert.equal(m.mask('ab stays (too short to mask safely)'), 'ab stays (too short to mask safely)');
  assert.deepEqual(m.maskDeep({ a: ['x s3cr3t y'], b: { c: 's3cr3t' }, n: 1, ruleId: 'x/s3cr3t' }), { a: ['x **** y'], b: { c: '****' }, n: 1, ruleId: 'x/s3cr3t' });
});

test('SecretMasker: dictionary-like values masked where a value stands, not in prose', () => {
  const m = new SecretMasker();
  m.add(['password', 'postgres']);
  assert.equal(m.mask('POSTGRES_PASSWORD=password'), 'POSTGRES_PASSWORD=****');
  assert.equal(m.mask('POSTGRES_PASSWORD: "postgres"'), 'POSTGRES_PASSWORD: "****"');
  assert.equal(m.mask("value 'password' here"), "value '****' here");
  assert.equal(m.mask('Generate a strong password for the postgres image'), 'Generate a strong password for the postgres image');
  assert.equal(m.mask('postgresql://memo:postgres@db:5432'), 'postgresql://memo:****@db:5432');
});

test('postProcess: dedupes, sorts stably, masks secrets a rule registered, drops the secrets field', () => {
  const masker = new SecretMasker();
  const out = postProcess(
    [
      f({ ruleId: 'b/r', file: 'z', line: 2 }),
      f({ ruleId: 'a/r', file: 'a', line: 9, evidence: 'TOKEN=hunter2hunter2', secrets: ['hunter2hunter2'] }),
      f({ ruleId: 'a/r', file: 'a', line: 3 }),
      f({ ruleId: 'a/r', file: 'a', line: 3 }),
    ],
    { today: '2026-06-01', masker },
  );
  assert.deepEqual(out.map((x) => `${x.file}:${x.line}`), ['a:3', 'a:9', 'z:2']);
  assert.equal(out[1]!.evidence, 'TOKEN=****');
  assert.ok(!('secrets' in out[1]!));
  assert.equal(dedupe([f({ ruleId: 'a/r', file: 'a', line: 1 }), f({ ruleId: 'a/r', file: 'a', line: 1 })]).length, 1);
});

test('collapseDuplicates: two rules declared as the same problem on one line keep one finding, the more severe', () => {
  const dup = new Map([['secret/known-credential', new Set(['compose/secret-in-environment', 'docker/secret-in-env'])]]);
  const compose = f({ ruleId: 'compose/secret-in-environment', file: 'compose.yml', line: 27, severity: 'critical' });
  const known = f({ ruleId: 'secret/known-credential', file: 'compose.yml', line: 27, severity: 'high' });
  const other = f({ ruleId: 'compose/unpinned-image', file: 'compose.yml', line: 27, severity: 'medium' });
  const elsewhere = f({ ruleId: 'secret/known-credential', file: 'compose.yml', line: 40, severity: 'high' });
  assert.deepEqual(collapseDuplicates([known, compose, other, elsewhere], dup), [compose, other, elsewhere]);
  // On a tie the domain rule stays: its message says where the value goes.
  const docker = f({ ruleId: 'docker/secret-in-env', file: 'Dockerfile', line: 3, severity: 'high' });
  const known2 = f({ ruleId: 'secret/known-credential', file: 'Dockerfile', line: 3, severity: 'high' });
  assert.deepEqual(collapseDuplicates([known2, docker], dup), [docker]);
  // Rules not declared as duplicates both stay.
  assert.equal(collapseDuplicates([known, other], dup).length, 2);
});
