import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodGrantsOthersWrite, octalMode } from './file-mode.js';

test('chmodGrantsOthersWrite: octal and symbolic modes that let others write', () => {
  for (const m of ['777', '0777', '666', '776', '0002', 'a+w', 'a+rwx', 'o+w', 'o+rwx', 'ugo+rwx', 'ugo=rwx', 'a=rwx', 'u+x,o+w']) assert.equal(chmodGrantsOthersWrite(m), true, m);
});

test('chmodGrantsOthersWrite: owner / group only, removals, sticky directories and unparsable modes are not', () => {
  for (const m of ['755', '0644', '644', '750', '1777', 'u+w', 'g+w', 'o-w', 'go-w', '+x', '+w', 'a+rx', 'a+rwt', 'o+w,bogus']) assert.equal(chmodGrantsOthersWrite(m), false, m);
});

test('octalMode: permission bits as a finding shows them; special bits only when asked', () => {
  assert.equal(octalMode(0o100644), '644');
  assert.equal(octalMode(0o600), '600');
  assert.equal(octalMode(0o40007), '007');
  assert.equal(octalMode(0o41777), '777');
  assert.equal(octalMode(0o41777, { special: true }), '1777');
  assert.equal(octalMode(0o40755, { special: true }), '755');
});
