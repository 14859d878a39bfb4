import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Severity } from '../../contracts/types.js';
import { gradeOf, headline } from './grade.js';

const f = (ruleId: string, severity: Severity, status: 'open' | 'waived' = 'open') => ({ ruleId, severity, status });

test('grade: a clean site is A+; low findings keep A+ up to the score', () => {
  assert.equal(gradeOf([]).grade, 'A+');
  assert.equal(gradeOf([f('headers/weak-referrer-policy', 'low')]).grade, 'A+');
  assert.equal(gradeOf([f('cookie/missing-host-prefix', 'info')]).score, 100);
});

test('grade: each rule counts once at its worst severity', () => {
  const g = gradeOf([f('cookie/missing-secure', 'high'), f('cookie/missing-secure', 'medium'), f('cookie/missing-secure', 'high')]);
  assert.equal(g.score, 80);
  assert.equal(g.grade, 'B');
  assert.deepEqual(g.deductions, [{ rule: 'cookie/missing-secure', severity: 'high', points: 20 }]);
});

test('grade: score bands — one medium is A, not A+; two highs C; four highs F', () => {
  assert.equal(gradeOf([f('headers/missing-hsts', 'medium')]).grade, 'A');
  assert.equal(gradeOf([f('a/x', 'high'), f('b/x', 'high')]).grade, 'C');
  assert.equal(gradeOf([f('a/x', 'high'), f('b/x', 'high'), f('c/x', 'high')]).grade, 'D');
  assert.equal(gradeOf([f('a/x', 'high'), f('b/x', 'high'), f('c/x', 'high'), f('d/x', 'high')]).grade, 'F');
});

test('grade: caps — critical → F, TLS 1.0 → at most B, plain HTTP → F, missing redirect (high) → at most B', () => {
  const crit = gradeOf([f('tls/untrusted-certificate', 'critical')]);
  assert.deepEqual([crit.grade, crit.caps], ['F', [{ rule: 'tls/untrusted-certificate', grade: 'F' }]]);
  assert.equal(gradeOf([f('tls/old-protocol', 'low')]).grade, 'B'); // even when downgraded by config
  assert.equal(gradeOf([f('http/not-https', 'high')]).grade, 'F');
  assert.equal(gradeOf([f('http/missing-redirect', 'high')]).grade, 'B');
  assert.equal(gradeOf([f('http/missing-redirect', 'low')]).grade, 'A+');
});

test('grade: waived findings do not count', () => {
  assert.equal(gradeOf([f('tls/untrusted-certificate', 'critical', 'waived')]).grade, 'A+');
});

test('headline: grade, score, caps and time in both languages', () => {
  const g = gradeOf([f('tls/old-protocol', 'high')]);
  assert.equal(headline(g, 'en', { totalMs: 1234 }), 'Grade: B  (80/100) (capped: tls/old-protocol → B) · 1.2 s');
  assert.equal(headline(g, 'ja', { totalMs: 1234 }), '評価: B  (80/100)（tls/old-protocol により B 以下） · 1.2 秒');
  assert.match(headline(gradeOf([]), 'en', { totalMs: 0, replayed: 'facts.json' }), /^Grade: A\+ {2}\(100\/100\) · replayed from facts\.json$/);
});
