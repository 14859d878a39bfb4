import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChecklistItem } from '../../contracts/config.js';
import type { Finding, FindingSource } from '../../contracts/types.js';
import { addPeriod, decideVerdict, evaluateChecklist, type ChecklistInput } from './checklist.js';

const finding = (ruleId: string, over: Partial<Finding> = {}): Finding => ({
  ruleId,
  severity: 'high',
  message: 'm',
  file: 'f',
  line: 1,
  status: 'open',
  fix: 'x',
  docsUrl: 'https://example.invalid',
  fingerprint: ruleId,
  ...over,
});

const input = (over: Partial<ChecklistInput> = {}): ChecklistInput => ({
  findings: [],
  rulesRan: new Set(['docker/root-user', 'compose/root-user', 'nginx/missing-hsts']),
  ruleSources: new Map<string, FindingSource>([
    ['docker/root-user', 'scan'],
    ['compose/root-user', 'scan'],
    ['nginx/missing-hsts', 'scan'],
    ['tls/expired-certificate', 'probe'],
    ['tls/weak-protocol', 'probe'],
  ]),
  notRun: new Set<FindingSource>(['probe', 'host']),
  lang: 'en',
  today: '2026-12-01',
  ...over,
});

const one = (item: ChecklistItem, over: Partial<ChecklistInput> = {}) => evaluateChecklist([item], input(over))[0]!;

test('automated items: passed with no open finding, failed with one, waived when all are waived, not-run when none of their rules ran', () => {
  const item: ChecklistItem = { id: 'non-root', title: 'Non-root', priority: 'P1', checks: ['docker/root-user', 'compose/*'] };
  assert.deepEqual([one(item).status, one(item).state, one(item).findings], ['passed', 'met', 0]);
  const failed = one(item, { findings: [finding('compose/root-user'), finding('compose/root-user', { line: 9 }), finding('other/rule')] });
  assert.deepEqual([failed.status, failed.state, failed.findings, failed.note], ['failed', 'open', 2, '2 open findings']);
  const waived = one(item, { findings: [finding('docker/root-user', { status: 'waived' }), finding('compose/root-user', { status: 'baseline' })] });
  assert.deepEqual([waived.status, waived.state], ['waived', 'waived']);
  const suppressed = one(item, { findings: [finding('docker/root-user', { status: 'suppressed' })] });
  assert.equal(suppressed.status, 'passed', 'an inline suppression (with its reason) is a decision in the code, not a waiver');
  const tls = one({ id: 'tls', title: 'TLS', priority: 'P0', checks: ['tls/*'] });
  assert.deepEqual([tls.status, tls.state], ['not-run', 'open']);
  assert.match(tls.note!, /probe: give --url/);
});

test('manual items: todo is open; done is met until its attestation is older than reattest; a missing evidence file reopens it', () => {
  const base: ChecklistItem = { id: 'restore', title: { en: 'Restore tested', ja: '復元を試験済み' }, priority: 'P0', status: 'done', attested: { by: 'sato', on: '2026-09-01' } };
  assert.deepEqual([one({ ...base, status: 'todo', attested: undefined }).status, one({ ...base, status: 'todo', attested: undefined }).state], ['todo', 'open']);
  assert.equal(one(base).state, 'met');
  assert.equal(one(base, { lang: 'ja' }).title, '復元を試験済み');
  const stale = one({ ...base, reattest: '90d' });
  assert.deepEqual([stale.status, stale.state], ['stale', 'open']);
  assert.match(stale.note!, /attested on 2026-09-01; re-attestation every 90d was due on 2026-11-30/);
  assert.equal(one({ ...base, reattest: '3m' }).status, 'done', '2026-09-01 + 3 months = 2026-12-01: not yet stale');
  assert.equal(one({ ...base, evidence: 'docs/restore.md' }, { evidenceExists: () => true }).state, 'met');
  const missing = one({ ...base, evidence: 'docs/restore.md' }, { evidenceExists: () => false });
  assert.deepEqual([missing.state, missing.note], ['open', 'evidence docs/restore.md not found']);
  assert.equal(one({ ...base, evidence: 'https://wiki.example.com/restore' }, { evidenceExists: () => false }).state, 'met', 'a URL is not checked');
});

test('deferred / skipped items are waived until `until`, then open again; not-applicable is met; open items past due are overdue', () => {
  const d: ChecklistItem = { id: 'waf', title: 'WAF', priority: 'P0', status: 'deferred', reason: 'deferred by PM decision', until: '2026-12-10' };
  assert.deepEqual([one(d).status, one(d).state, one(d).reason, one(d).until], ['deferred', 'waived', 'deferred by PM decision', '2026-12-10']);
  assert.equal(one({ ...d, until: '2026-12-01' }).state, 'waived', 'the until day itself still counts');
  const expired = one({ ...d, until: '2026-11-30' });
  assert.deepEqual([expired.status, expired.state], ['expired', 'open']);
  assert.equal(one({ ...d, status: 'skipped', until: undefined }).state, 'waived');
  assert.equal(one({ ...d, status: 'not-applicable', until: undefined }).state, 'met');
  const overdue = one({ id: 'x', title: 'X', priority: 'P1', status: 'todo', due: '2026-11-15' });
  assert.equal(overdue.overdue, true);
  assert.match(overdue.note!, /overdue since 2026-11-15/);
  assert.equal(one({ id: 'x', title: 'X', priority: 'P1', status: 'todo', due: '2026-12-01' }).overdue, undefined);
});

test('verdict: not-ready on an open P0 item or an open finding at or above --fail-on; ready-with-waivers when only waived things stand between; else ready', () => {
  const items = (states: [string, string][]) => states.map(([priority, state], k) => ({ id: `i${k}`, title: 't', kind: 'manual' as const, priority: priority as 'P0', status: 'todo' as const, state: state as 'open', findings: 0 }));
  assert.equal(decideVerdict(items([['P0', 'open']]), [], 'high', 'en').verdict, 'not-ready');
  assert.equal(decideVerdict(items([['P1', 'open'], ['P2', 'open']]), [], 'high', 'en').verdict, 'ready', 'P1 and P2 gaps are reported, not blocking');
  const high = decideVerdict([], [finding('a/b'), finding('a/c', { severity: 'low' })], 'high', 'en');
  assert.deepEqual(high, { verdict: 'not-ready', reasons: ['1 open finding at or above high'] });
  assert.equal(decideVerdict([], [finding('a/c', { severity: 'medium' })], 'high', 'en').verdict, 'ready');
  assert.equal(decideVerdict([], [finding('a/c', { severity: 'medium' })], 'medium', 'en').verdict, 'not-ready');
  assert.equal(decideVerdict([], [finding('a/b')], 'none', 'en').verdict, 'ready');
  const w = decideVerdict(items([['P0', 'waived'], ['P0', 'met']]), [finding('a/b', { status: 'waived' })], 'high', 'en');
  assert.deepEqual(w, { verdict: 'ready-with-waivers', reasons: ['1 P0 item deferred or waived: i0', '1 finding at or above high waived or in the baseline'] });
  assert.equal(decideVerdict([], [finding('a/b', { status: 'waived', severity: 'low' })], 'high', 'en').verdict, 'ready', 'a waived low finding stands in nobody\'s way');
  assert.deepEqual(decideVerdict(items([['P0', 'open']]), [finding('a/b')], 'high', 'ja').reasons, ['P0 の項目 1 件が未完了: i0', '重大度 high 以上の未対応の指摘 1 件']);
});

test('periods: days, weeks, months, years', () => {
  assert.equal(addPeriod('2026-01-31', '1m'), '2026-03-03');
  assert.equal(addPeriod('2026-01-01', '2w'), '2026-01-15');
  assert.equal(addPeriod('2024-02-29', '1y'), '2025-03-01');
  assert.equal(addPeriod('2026-01-01', '90d'), '2026-04-01');
  assert.equal(addPeriod('2026-01-01', 'soon'), undefined);
});
