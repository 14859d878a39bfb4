/**
 * Every secret / placeholder pattern runs in linear time: each is timed on 1 MiB values built to
 * make a backtracking expression slow (a 200 KB value took 47 s with `/.*[_\-\s]here$/i`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPlaceholder, isSecretName, NAME_PATTERNS, PLACEHOLDER_PATTERNS, WEAK_WORDS, weakSecretReason } from '../core/secrets.js';
import { adversarialInputs, MIB } from './generate.js';

/** Generous: a linear pattern takes a few milliseconds on 1 MiB; a quadratic one minutes. */
const LIMIT_MS = 1_500;

function timeEach(re: RegExp, label: string): number {
  let worst = 0;
  for (const input of adversarialInputs(re)) {
    const t = process.hrtime.bigint();
    re.test(input);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    worst = Math.max(worst, ms);
    assert.ok(ms < LIMIT_MS, `${label} ${re} took ${Math.round(ms)} ms on a 1 MiB input starting ${JSON.stringify(input.slice(0, 12))}`);
  }
  return worst;
}

test('every placeholder pattern is linear on 1 MiB values', () => {
  let worst = 0;
  for (const re of PLACEHOLDER_PATTERNS) worst = Math.max(worst, timeEach(re, 'placeholder'));
  worst = Math.max(worst, timeEach(WEAK_WORDS, 'weak words'));
  console.log(`worst placeholder pattern on 1 MiB: ${worst.toFixed(1)} ms`);
});

test('every secret-name pattern is linear on 1 MiB keys', () => {
  let worst = 0;
  for (const re of NAME_PATTERNS) worst = Math.max(worst, timeEach(re, 'name'));
  console.log(`worst name pattern on 1 MiB: ${worst.toFixed(1)} ms`);
});

test('isPlaceholder, weakSecretReason and isSecretName end quickly on 1 MiB inputs', () => {
  const inputs = [
    'api_key'.repeat(MIB / 7) + '_here',
    ' here'.repeat(MIB / 5) + '!',
    '_expir'.repeat(MIB / 6) + '!',
    '_rotation'.repeat(MIB / 9) + 'x',
    'your_'.repeat(MIB / 5) + '\n!',
    'QUJD'.repeat(MIB / 4),
  ];
  for (const v of inputs) {
    const t = Date.now();
    isPlaceholder(v);
    weakSecretReason(v);
    isSecretName(v);
    assert.ok(Date.now() - t < 3 * LIMIT_MS, `${Date.now() - t} ms for ${JSON.stringify(v.slice(0, 12))}`);
  }
  // The linear rewrites keep their meaning.
  assert.equal(isPlaceholder('api_key_here'), true);
  assert.equal(isPlaceholder('multi\nline here'), true);
  assert.equal(isSecretName('TOKEN_EXPIRES_AT'), false);
  assert.equal(isSecretName('SECRET_ROTATION_DAYS'), false);
  assert.equal(isSecretName('SECRET_EXPIRY-KEY'), true);
});
