import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodGrantsOthersWrite } from './file-mode.js';

test('chmodGrantsOthersWrite: octal and symbolic modes that let others write', () => {
  for (const m of ['777', '0777', '666', '776', '0002', 'a+w', 'a+rwx', 'o+w', 'o+rwx', 'ugo+rwx', 'ugo=rwx', 'a=rwx', 'u+x,o+w']) assert.equal(chmodGrantsOthersWrite(m), true, m);
});

test('chmodGrantsOthersWrite: owner / group only, removals, sticky directories and unparsable modes are not', () => {
  for (const m of ['755', '0644', '644', '750', '1777', 'u+w', 'g+w', 'o-w', 'go-w', '+x', '+w', 'a+rx', 'a+rwt', 'o+w,bogus']) assert.equal(chmodGrantsOthersWrite(m), false, m);
});
