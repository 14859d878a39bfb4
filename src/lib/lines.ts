/**
 * Offsets and positions in a text: the one line index of honban (parsers keep offsets, findings
 * want 1-based lines and columns in UTF-16 code units).
 */

/** Offsets of line starts (after each LF), for offset → position. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based row of an offset, by binary search over `starts`. */
export function rowAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 1-based position of an offset. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  const row = rowAt(starts, offset);
  return { line: row + 1, column: offset - starts[row]! + 1 };
}

/** A text's line index, built once. */
export class LineIndex {
  private readonly starts: number[];
  constructor(text: string) {
    this.starts = lineStarts(text);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  /** Offset of a 1-based line's first character. */
  lineStart(line: number): number {
    return this.starts[line - 1]!;
  }
  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    return rowAt(this.starts, offset) + 1;
  }
  /** 1-based line and column of an offset. */
  at(offset: number): { line: number; column: number } {
    return positionAt(this.starts, offset);
  }
}
