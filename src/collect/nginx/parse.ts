/**
 * A parser for nginx configuration files that follows nginx's own tokenizer
 * (`ngx_conf_read_token` in src/core/ngx_conf_file.c) rather than a grammar of its own:
 *
 * - a directive is words ended by `;`, or words followed by a `{ … }` block;
 * - a word starting with `"` or `'` is quoted up to the matching quote; inside it `\"`, `\'` and
 *   `\\` stand for the character, `\t` `\r` `\n` for the control characters, any other `\x` is
 *   kept as written; after the closing quote nginx requires white space, `;`, `{` or `)`;
 * - an unquoted word ends at white space, `;` or `{` — `}` and `#` inside a word are ordinary
 *   characters, `${name}` does not open a block, and `\x` takes the next character literally;
 * - `#` at the start of a word comments out the rest of the line;
 * - `if (…)` conditions are tokenized like everything else (`($a`, `=`, `b)`), exactly as nginx
 *   does; `location` modifiers (`=`, `~`, `~*`, `^~`) are ordinary first arguments.
 *
 * Every directive and every argument keeps its 1-based line and column, and every argument its
 * byte offset and raw length (so a copy of the file can be rewritten in place without moving lines).
 * Errors are the ones nginx reports (`unexpected "}"`, `unexpected end of file, expecting ";" or
 * "}"`, …) with the position where nginx would stop.
 */
import { ParseError } from '../../contracts/errors.js';
import type { NginxDirective, NginxArg } from '../../facts/nginx/types.js';

const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';

/** Applies nginx's escape rules to the inside of a word. */
function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      const n = s[i + 1]!;
      if (n === '"' || n === "'" || n === '\\') {
        out += n;
        i++;
        continue;
      }
      if (n === 't' || n === 'r' || n === 'n') {
        out += n === 't' ? '\t' : n === 'r' ? '\r' : '\n';
        i++;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/**
 * Parses one file. Throws `ParseError` (with the position) for what nginx itself would reject
 * while reading: unbalanced braces, unterminated quotes, a `;` or `{` without a directive name,
 * text after a closing quote.
 */
export function parseNginx(text: string, file: string): NginxDirective[] {
  const root: NginxDirective[] = [];
  const stack: { list: NginxDirective[]; owner?: NginxDirective }[] = [{ list: root }];
  let words: NginxArg[] = [];

  let line = 1;
  let col = 1;
  let i = 0;
  const n = text.length;

  const fail = (msg: string, l = line, c = col): never => {
    throw new ParseError(`nginx: ${msg}`, l, c);
  };

  const finish = (withBlock: boolean, at: { line: number; column: number }) => {
    if (words.length === 0) fail(`unexpected "${withBlock ? '{' : ';'}"`, at.line, at.column);
    const [head, ...rest] = words;
    const d: NginxDirective = {
      name: head!.value,
      args: rest.map((w) => w.value),
      words,
      file,
      line: head!.line,
      column: head!.column,
    };
    stack[stack.length - 1]!.list.push(d);
    words = [];
    if (withBlock) {
      d.block = [];
      stack.push({ list: d.block, owner: d });
    }
  };

  const advance = () => {
    const ch = text[i]!;
    i++;
    if (ch === '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
    return ch;
  };

  while (i < n) {
    const ch = text[i]!;
    if (isSpace(ch)) {
      advance();
      continue;
    }
    const at = { line, column: col };
    if (ch === ';') {
      advance();
      finish(false, at);
      continue;
    }
    if (ch === '{') {
      advance();
      finish(true, at);
      continue;
    }
    if (ch === '}') {
      if (words.length) fail('unexpected "}"');
      if (stack.length === 1) fail('unexpected "}" (no block is open)');
      const top = stack.pop()!;
      top.owner!.endLine = line;
      advance();
      continue;
    }
    if (ch === '#') {
      while (i < n && text[i] !== '\n') advance();
      continue;
    }
    // A word.
    const start = i;
    if (ch === '"' || ch === "'") {
      const q = ch;
      advance();
      let closed = false;
      while (i < n) {
        const c = text[i]!;
        if (c === '\\') {
          advance();
          if (i < n) advance();
          continue;
        }
        advance();
        if (c === q) {
          closed = true;
          break;
        }
      }
      if (!closed) fail(`unterminated ${q === '"' ? 'double' : 'single'}-quoted string (nginx: unexpected end of file)`, at.line, at.column);
      const raw = text.slice(start, i);
      words.push({ value: unescape(raw.slice(1, -1)), raw, quote: q, line: at.line, column: at.column, offset: start });
      // nginx needs a separator after a closing quote.
      if (i < n) {
        const next = text[i]!;
        if (!isSpace(next) && next !== ';' && next !== '{' && next !== ')') fail(`unexpected "${next}" after a quoted string`);
      }
      continue;
    }
    let variable = false;
    while (i < n) {
      const c = text[i]!;
      if (c === '\\') {
        advance();
        if (i < n) advance();
        variable = false;
        continue;
      }
      if (c === '{' && variable) {
        advance();
        continue;
      }
      variable = c === '$';
      if (isSpace(c) || c === ';' || c === '{') break;
      advance();
    }
    const raw = text.slice(start, i);
    words.push({ value: unescape(raw), raw, line: at.line, column: at.column, offset: start });
  }
  if (words.length) {
    const w = words[0]!;
    fail(`unexpected end of file, expecting ";" or "}" (the directive "${w.value}" is not terminated)`, w.line, w.column);
  }
  if (stack.length > 1) {
    const owner = stack[stack.length - 1]!.owner!;
    fail(`unexpected end of file, expecting "}" (the "${owner.name}" block opened here is not closed)`, owner.line, owner.column);
  }
  return root;
}
