import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isExpired, maskSetCookie, parseSetCookie } from './cookies.js';

test('parseSetCookie reads name, value and attributes case-insensitively', () => {
  const c = parseSetCookie('session=eyJhYmMiOjF9.Zx; Path=/; secure; HTTPONLY; SameSite=Lax; Domain=.Example.com; Max-Age=3600')!;
  assert.equal(c.name, 'session');
  assert.equal(c.value, 'eyJhYmMiOjF9.Zx');
  assert.equal(c.secure, true);
  assert.equal(c.httpOnly, true);
  assert.equal(c.sameSite, 'Lax');
  assert.equal(c.domain, 'example.com');
  assert.equal(c.path, '/');
  assert.equal(c.maxAge, 3600);
});

test('parseSetCookie: quoted values, no attributes, and headers without a pair', () => {
  assert.equal(parseSetCookie('a="quoted value"')!.value, 'quoted value');
  const c = parseSetCookie('theme=dark')!;
  assert.deepEqual([c.secure, c.httpOnly, c.sameSite], [false, false, undefined]);
  assert.equal(parseSetCookie('novalue'), undefined);
  assert.equal(parseSetCookie('=x'), undefined);
});

test('isExpired: Max-Age ≤ 0 and past Expires are deletions', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  assert.equal(isExpired(parseSetCookie('a=; Max-Age=0')!, now), true);
  assert.equal(isExpired(parseSetCookie('a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT')!, now), true);
  assert.equal(isExpired(parseSetCookie('a=b; Expires=Wed, 01 Jul 2026 00:00:00 GMT')!, now), false);
  assert.equal(isExpired(parseSetCookie('a=b')!, now), false);
});

test('maskSetCookie keeps the name and attributes, never the value', () => {
  assert.equal(maskSetCookie('session=s3cr3t-value; Path=/; HttpOnly'), 'session=****; Path=/; HttpOnly');
  assert.equal(maskSetCookie('sid=abc'), 'sid=****');
});
