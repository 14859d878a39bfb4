/**
 * A position-keeping `.env` tokenizer.
 *
 * It reads exactly what the `dotenv` package (`dotenv.parse`) reads — same keys, same values,
 * same quirks — and additionally keeps where every key and value is written, so every finding can
 * point at a line and a column. It is a hand-written scanner that mirrors dotenv's line grammar
 * step by step:
 *
 *   [ws] [export ws] KEY ( [ws] "=" | ":" ws ) [ value ] [ws] [# comment] end-of-line
 *
 * - KEY is `[A-Za-z0-9_.-]+`; `export KEY=…` is accepted (`exported: true`).
 * - A value is single-, double- or backtick-quoted (it may span lines; inside double quotes `\n`
 *   and `\r` are expanded; a quote preceded by a backslash does not close the value), or unquoted:
 *   everything up to the end of the line or the first `#`, trimmed. Note that dotenv cuts an
 *   unquoted value at ANY `#`, even without a space before it (`P=ab#c` is `ab`): reported as a
 *   problem because other loaders (docker compose, python-dotenv) read `ab#c`.
 * - A quoted value followed by anything but spaces or a comment is not quoted for dotenv: the
 *   whole rest of the line, quotes included, becomes the value (a problem).
 * - CRLF and lone CR are line breaks; a leading BOM is ignored.
 * - Duplicate keys are all kept, in order; the last one wins (as in dotenv).
 * - A line that is not an assignment is a problem, never an exception.
 *
 * Lines and columns are 1-based; columns count UTF-16 code units from the start of the line.
 */

import type { DotenvEntry, DotenvProblem } from '../facts/dotenv.js';
import { LineIndex } from '../lib/lines.js';

export interface DotenvParseResult {
  entries: DotenvEntry[];
  problems: DotenvProblem[];
}

// ── character classes (JavaScript's \s, the key alphabet, line terminators) ────────────────────

function isWs(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}

/** Line terminators for `^`, `$` and `.` in a JavaScript regular expression (CR is already gone). */
function isLineTerm(c: number): boolean {
  return c === 10 || c === 8232 || c === 8233;
}

function isKeyChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
}

const HASH = 35;
const EQ = 61;
const COLON = 58;
const BACKSLASH = 92;
const NL = 10;
const QUOTES = [39, 34, 96] as const; // ' " `

interface Match {
  key: string;
  keyStart: number;
  exported: boolean;
  /** Raw value text as dotenv's value group captured it ('' when absent). */
  raw: string;
  /** Offset of the raw value group. */
  rawStart: number;
  /** Offset where the match ends (the end of its last line's content). */
  end: number;
  /** The value was one of the quoted forms. */
  quotedForm: boolean;
}

/** Offset of the end of the line containing `i` (the terminator's offset, or text length). */
function lineEnd(t: string, i: number): number {
  const n = t.length;
  while (i < n && !isLineTerm(t.charCodeAt(i))) i++;
  return i;
}

/**
 * After a value: only blanks and an optional `# comment` may follow on the line. Returns the
 * offset where the match ends, or -1.
 */
function tail(t: string, i: number): number {
  const n = t.length;
  while (i < n && isWs(t.charCodeAt(i)) && !isLineTerm(t.charCodeAt(i))) i++;
  if (i >= n || isLineTerm(t.charCodeAt(i))) return i;
  if (t.charCodeAt(i) === HASH) return lineEnd(t, i);
  return -1;
}

/** A quoted value starting (after blanks, which may include line breaks) at `v`. */
function quoted(t: string, v: number): { end: number; close: number } | undefined {
  const n = t.length;
  let w = v;
  while (w < n && isWs(t.charCodeAt(w))) w++;
  const q = t.charCodeAt(w);
  if (!(QUOTES as readonly number[]).includes(q)) return undefined;
  // Candidates for the closing quote: the first quote not escaped by a backslash, then (from the
  // last to the first) the escaped ones — the order in which dotenv's pattern backtracks.
  const escaped: number[] = [];
  let first = -1;
  for (let x = w + 1; x < n; ) {
    const c = t.charCodeAt(x);
    if (c === BACKSLASH && t.charCodeAt(x + 1) === q) {
      escaped.push(x + 1);
      x += 2;
    } else if (c === q) {
      first = x;
      break;
    } else x++;
  }
  const candidates = first >= 0 ? [first, ...escaped.reverse()] : escaped.reverse();
  for (const close of candidates) {
    const end = tail(t, close + 1);
    if (end >= 0) return { end, close };
  }
  return undefined;
}

/** The value group starting right after the separator at `v`. */
function valueAt(t: string, v: number): { raw: string; end: number; quotedForm: boolean } {
  const q = quoted(t, v);
  if (q) return { raw: t.slice(v, q.close + 1), end: q.end, quotedForm: true };
  const n = t.length;
  const c = t.charCodeAt(v);
  if (v < n && c !== HASH && c !== NL && c !== 13) {
    let r = v;
    while (r < n) {
      const d = t.charCodeAt(r);
      if (d === HASH || d === NL || d === 13) break;
      r++;
    }
    return { raw: t.slice(v, r), end: lineEnd(t, r), quotedForm: false };
  }
  // No value: `KEY=` or `KEY=# comment`.
  return { raw: '', end: lineEnd(t, v), quotedForm: false };
}

/** Tries an assignment whose key starts at `k`. */
function assignment(t: string, k: number, exported: boolean): Match | undefined {
  const n = t.length;
  let e = k;
  while (e < n && isKeyChar(t.charCodeAt(e))) e++;
  if (e === k) return undefined;
  let s = e;
  while (s < n && isWs(t.charCodeAt(s))) s++;
  let v: number;
  if (t.charCodeAt(s) === EQ) v = s + 1;
  else if (t.charCodeAt(e) === COLON && e + 1 < n && isWs(t.charCodeAt(e + 1))) v = e + 2;
  else return undefined;
  const val = valueAt(t, v);
  return { key: t.slice(k, e), keyStart: k, exported, raw: val.raw, rawStart: v, end: val.end, quotedForm: val.quotedForm };
}

/** An assignment beginning at line start `p` (blanks, possibly several lines, are skipped first). */
function matchAt(t: string, p: number): Match | undefined {
  const n = t.length;
  let i = p;
  while (i < n && isWs(t.charCodeAt(i))) i++;
  if (i >= n) return undefined;
  if (t.startsWith('export', i) && isWs(t.charCodeAt(i + 6))) {
    let j = i + 6;
    while (j < n && isWs(t.charCodeAt(j))) j++;
    const m = assignment(t, j, true);
    if (m) return m;
  }
  return assignment(t, i, false);
}

/** The value dotenv makes of a raw value group: trimmed, unquoted, `\n` / `\r` expanded in double quotes. */
function cook(raw: string): { value: string; quote?: '"' | "'" | '`' } {
  let value = raw.trim();
  const first = value[0];
  const unquoted = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  const quote = unquoted !== value && (first === '"' || first === "'" || first === '`') ? first : undefined;
  value = unquoted;
  if (first === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  return { value, quote };
}

/** Parses `.env` text. Never throws: lines that are not assignments become problems. */
export function parseDotenv(text: string): DotenvParseResult {
  let t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  const idx = new LineIndex(t);
  const entries: DotenvEntry[] = [];
  const problems: DotenvProblem[] = [];
  const n = t.length;

  /** Lines covered by an assignment (so they are not reported as problems). */
  const covered = new Uint8Array(idx.lineCount + 2);

  // dotenv tries an assignment at every line start (after \n, U+2028, U+2029) not yet consumed.
  let p = 0;
  while (p < n) {
    const m = matchAt(t, p);
    if (m) {
      const { value, quote } = cook(m.raw);
      const keyPos = idx.at(m.keyStart);
      const lead = m.raw.length - m.raw.trimStart().length;
      const valuePos = idx.at(m.rawStart + (m.raw.trim() ? lead : 0));
      const rawTrimmed = m.raw.trim();
      const endLine = idx.lineOf(m.end);
      entries.push({
        key: m.key,
        value,
        line: keyPos.line,
        column: keyPos.column,
        valueLine: valuePos.line,
        valueColumn: valuePos.column,
        ...(quote ? { quote } : {}),
        exported: m.exported,
        multiline: m.quotedForm && rawTrimmed.includes('\n'),
      });
      const startLine = idx.lineOf(p);
      for (let l = startLine; l <= endLine; l++) covered[l] = 1;
      diagnose(m, rawTrimmed, idx, problems);
      p = m.end;
    } else {
      p = lineEnd(t, p);
    }
    // Next line start.
    if (p < n) p++;
  }

  for (let l = 1; l <= idx.lineCount; l++) {
    if (covered[l]) continue;
    const start = idx.lineStart(l);
    const end = lineEnd(t, start);
    let i = start;
    while (i < end && isWs(t.charCodeAt(i))) i++;
    if (i >= end || t.charCodeAt(i) === HASH) continue; // blank or comment
    const lineText = t.slice(i, end);
    problems.push({ line: l, column: i - start + 1, message: notAssignmentMessage(lineText) });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { entries, problems };
}

function notAssignmentMessage(lineText: string): string {
  const m = /^(?:export\s+)?([^=\s:]+(?:\s+[^=\s:]+)*)\s*(=|:)?/.exec(lineText);
  if (m && m[2] === '=' && /\s/.test(m[1]!)) return 'not an assignment: the key contains a space; dotenv ignores this line';
  if (m && m[2] === '=') return 'not an assignment: the key has characters dotenv does not accept (only letters, digits, _ . -); dotenv ignores this line';
  if (m && m[2] === ':') return 'not an assignment: a colon separator needs a space after it (KEY: value); dotenv ignores this line';
  return 'not an assignment (KEY=value): dotenv ignores this line';
}

/** Problems within an accepted assignment that make dotenv read something else than intended. */
function diagnose(m: Match, rawTrimmed: string, idx: LineIndex, problems: DotenvProblem[]): void {
  if (m.quotedForm) return;
  const at = idx.at(m.rawStart + (m.raw.length - m.raw.trimStart().length));
  const first = rawTrimmed[0];
  if ((first === '"' || first === "'" || first === '`') && !(rawTrimmed.length >= 2 && rawTrimmed.endsWith(first))) {
    problems.push({
      line: at.line,
      column: at.column,
      message: `${m.key}: the quote is not closed, or text follows the closing quote; dotenv keeps the quote characters in the value`,
    });
    return;
  }
  // A `#` that is not preceded by a blank cuts the value for dotenv but not for other loaders.
  const afterRaw = m.rawStart + m.raw.length;
  // An unquoted value stops at `#` or at the end of the line; the match goes on past it only when
  // it stopped at `#` (the comment).
  if (rawTrimmed && m.end > afterRaw && !/\s$/.test(m.raw)) {
    const hashAt = idx.at(afterRaw);
    problems.push({
      line: hashAt.line,
      column: hashAt.column,
      message: `${m.key}: '#' without a space before it ends the value for dotenv but not for docker compose or python-dotenv; quote the value`,
    });
  }
}
