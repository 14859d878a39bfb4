import assert from 'node:assert/strict';
import { test } from 'node:test';
import dotenv from 'dotenv';
import type { DotenvEntry } from '../facts/dotenv.js';
import { parseDotenv } from './dotenv-parse.js';

/** What dotenv would put in process.env: the last entry of each key wins. */
function asObject(entries: DotenvEntry[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) out[e.key] = e.value;
  return out;
}

function sameAsDotenv(text: string): void {
  const expected = dotenv.parse(text);
  const got = asObject(parseDotenv(text).entries);
  assert.deepEqual(
    Object.entries(got).sort(([a], [b]) => (a < b ? -1 : 1)),
    Object.entries(expected).sort(([a], [b]) => (a < b ? -1 : 1)),
    `values differ from dotenv.parse for ${JSON.stringify(text)}`,
  );
}

/** Compact view of an entry's positions. */
function at(e: DotenvEntry): string {
  return `${e.key}@${e.line}:${e.column} value@${e.valueLine}:${e.valueColumn}`;
}

const CASES: Record<string, string> = {
  plain: 'A=1\nB=two words\nC = spaced  \n',
  export: 'export A=1\nexport   B="x"\nexport=3\n',
  singleQuotes: "A='single # not a comment'\nB='  kept  '\n",
  doubleQuotesEscapes: 'A="line1\\nline2\\rend"\nB="tab\\tstays"\nC="a \\"quoted\\" word"\n',
  backticks: 'A=`it\'s "both"`\n',
  multiline: 'PRIVATE_KEY="-----BEGIN KEY-----\nabc\ndef\n-----END KEY-----"\nNEXT=1\nS=\'two\nlines\'\n',
  inlineComments: 'A=value # comment\nB=value#glued\nC="quoted # kept" # real comment\nD= # only a comment\n',
  crlf: 'A=1\r\nB="x\r\ny"\r\nC=3\r\n',
  loneCr: 'A=1\rB=2\r',
  bom: '\ufeffA=1\nB=2\n',
  empty: 'A=\nB=""\nC=\'\'\nD=   \nE=#c\n',
  duplicates: 'A=first\nB=1\nA=second\nA=third\n',
  notAssignments: 'just words\nA=1\nMY KEY=2\n[section]\nB=3\n=nokey\n',
  yamlish: 'A: colon value\nB:nospace\n',
  unterminated: 'A="never closed\nB=2\n',
  textAfterQuote: 'A="abc" trailing\n',
  escapedQuote: "A='it\\'s'\n",
  comments: '# a comment\n   # indented comment\n\n\nA=1 # trailing\n',
  whitespace: '\t A\t=\t1\t\n',
  dotsAndDashes: 'app.name=x\nsome-key=y\n',
};

for (const [name, text] of Object.entries(CASES)) {
  test(`parseDotenv matches dotenv.parse: ${name}`, () => sameAsDotenv(text));
}

test('parseDotenv: positions of keys and values', () => {
  const { entries } = parseDotenv(CASES.plain!);
  assert.deepEqual(entries.map(at), ['A@1:1 value@1:3', 'B@2:1 value@2:3', 'C@3:1 value@3:5']);

  const exp = parseDotenv(CASES.export!).entries;
  assert.deepEqual(exp.map(at), ['A@1:8 value@1:10', 'B@2:10 value@2:12', 'export@3:1 value@3:8']);
  assert.deepEqual(exp.map((e) => e.exported), [true, true, false]);

  const ml = parseDotenv(CASES.multiline!).entries;
  assert.deepEqual(ml.map(at), ['PRIVATE_KEY@1:1 value@1:13', 'NEXT@5:1 value@5:6', 'S@6:1 value@6:3']);
  assert.deepEqual(ml.map((e) => e.multiline), [true, false, true]);
  assert.deepEqual(ml.map((e) => e.quote), ['"', undefined, "'"]);
  assert.equal(ml[0]!.value, '-----BEGIN KEY-----\nabc\ndef\n-----END KEY-----');

  const ws = parseDotenv(CASES.whitespace!).entries;
  assert.deepEqual(ws.map(at), ['A@1:3 value@1:7']);
});

test('parseDotenv: CRLF, lone CR and BOM do not shift lines or columns', () => {
  assert.deepEqual(parseDotenv(CASES.crlf!).entries.map(at), ['A@1:1 value@1:3', 'B@2:1 value@2:3', 'C@4:1 value@4:3']);
  assert.equal(parseDotenv(CASES.crlf!).entries[1]!.value, 'x\ny');
  assert.deepEqual(parseDotenv(CASES.loneCr!).entries.map(at), ['A@1:1 value@1:3', 'B@2:1 value@2:3']);
  assert.deepEqual(parseDotenv(CASES.bom!).entries.map(at), ['A@1:1 value@1:3', 'B@2:1 value@2:3']);
});

test('parseDotenv: empty values point just after the separator', () => {
  const { entries, problems } = parseDotenv(CASES.empty!);
  assert.deepEqual(entries.map((e) => [e.key, e.value]), [['A', ''], ['B', ''], ['C', ''], ['D', ''], ['E', '']]);
  assert.deepEqual(entries.map(at), ['A@1:1 value@1:3', 'B@2:1 value@2:3', 'C@3:1 value@3:3', 'D@4:1 value@4:3', 'E@5:1 value@5:3']);
  assert.deepEqual(entries.map((e) => e.quote), [undefined, '"', "'", undefined, undefined]);
  assert.deepEqual(problems, []);
});

test('parseDotenv: duplicate keys are all kept in order, the last wins', () => {
  const { entries } = parseDotenv(CASES.duplicates!);
  assert.deepEqual(entries.map((e) => `${e.key}=${e.value}@${e.line}`), ['A=first@1', 'B=1@2', 'A=second@3', 'A=third@4']);
  assert.equal(asObject(entries).A, 'third');
});

test('parseDotenv: inline comments, and a glued # is a problem', () => {
  const { entries, problems } = parseDotenv(CASES.inlineComments!);
  assert.deepEqual(entries.map((e) => e.value), ['value', 'value', 'quoted # kept', '']);
  assert.deepEqual(problems.map((p) => `${p.line}:${p.column}`), ['2:8']);
  assert.match(problems[0]!.message, /^B: '#'/);
});

test('parseDotenv: lines that are not assignments are problems, not crashes', () => {
  const { entries, problems } = parseDotenv(CASES.notAssignments!);
  assert.deepEqual(entries.map((e) => `${e.key}@${e.line}`), ['A@2', 'B@5']);
  assert.deepEqual(problems.map((p) => `${p.line}:${p.column}`), ['1:1', '3:1', '4:1', '6:1']);
  assert.match(problems[1]!.message, /key contains a space/);
});

test('parseDotenv: quoting mistakes are problems with the value dotenv really reads', () => {
  const u = parseDotenv(CASES.unterminated!);
  assert.deepEqual(u.entries.map((e) => [e.key, e.value, e.quote]), [['A', '"never closed', undefined], ['B', '2', undefined]]);
  assert.deepEqual(u.problems.map((p) => `${p.line}:${p.column}`), ['1:3']);
  const t = parseDotenv(CASES.textAfterQuote!);
  assert.equal(t.entries[0]!.value, '"abc" trailing');
  assert.deepEqual(t.problems.map((p) => `${p.line}:${p.column}`), ['1:3']);
  assert.ok(!JSON.stringify(t.problems).includes('abc'), 'problems never quote the value');
});

test('parseDotenv: the colon form needs a space', () => {
  const { entries, problems } = parseDotenv(CASES.yamlish!);
  assert.deepEqual(entries.map((e) => [e.key, e.value]), [['A', 'colon value']]);
  assert.deepEqual(problems.map((p) => p.line), [2]);
  assert.match(problems[0]!.message, /colon/);
});

test('parseDotenv: random .env-like text gives exactly what dotenv.parse gives', () => {
  const frags = ['A', 'B', 'KEY', 'export ', '=', ' = ', ': ', ':', '"', "'", '`', '\\', '#', ' ', '\n', '\r\n', '\r', 'x', 'y z', '\\n', '\t', '.', '-', '\u00a0', '\u2028', '\ufeff'];
  let seed = 12345;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 0; i < 4000; i++) {
    let s = '';
    const len = 1 + Math.floor(rnd() * 24);
    for (let j = 0; j < len; j++) s += frags[Math.floor(rnd() * frags.length)];
    sameAsDotenv(s);
  }
});
