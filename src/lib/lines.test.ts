import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineStarts, LineIndex, positionAt, rowAt } from './lines.js';

test('lines: offsets to 1-based lines and columns; LF only splits lines (a CR stays in its line)', () => {
  const text = 'ab\ncd\r\n\nlast';
  const starts = lineStarts(text);
  assert.deepEqual(starts, [0, 3, 7, 8]);
  assert.deepEqual(positionAt(starts, 0), { line: 1, column: 1 });
  assert.deepEqual(positionAt(starts, 2), { line: 1, column: 3 }, 'the LF belongs to its line');
  assert.deepEqual(positionAt(starts, 5), { line: 2, column: 3 }, 'so does a CR');
  assert.deepEqual(positionAt(starts, 7), { line: 3, column: 1 });
  assert.deepEqual(positionAt(starts, text.length), { line: 4, column: 5 }, 'the end of the text');
  assert.equal(rowAt(starts, 8), 3);
  const idx = new LineIndex(text);
  assert.equal(idx.lineCount, 4);
  assert.equal(idx.lineStart(2), 3);
  assert.equal(idx.lineOf(6), 2);
  assert.deepEqual(idx.at(9), { line: 4, column: 2 });
  assert.deepEqual(new LineIndex('').at(0), { line: 1, column: 1 });
});
