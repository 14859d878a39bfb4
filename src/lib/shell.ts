/**
 * The one shell tokenizer of honban (issue 9: "one concept, one place"). Every command line honban
 * reads goes through it: shell scripts (`*.sh`, user-data), Dockerfile RUN / CMD / ENTRYPOINT in
 * shell form and `sh -c` bodies of exec form, compose `command:` strings, Procfile lines, package.json
 * scripts, systemd `sh -c` bodies and the host command's process lines. It is written for honban
 * (no maintained bash parser on npm keeps positions; tree-sitter-bash is not a dependency) and is
 * linear in the input: one pass, no backtracking, nesting bounded by MAX_DEPTH.
 *
 * - words with '…', "…", $'…' quoting, backslash escapes and line continuations;
 * - expansions kept as written inside words — $VAR, ${…}, $(…), $((…)), `…`, <(…) — and whether
 *   the shell will expand them (not inside single quotes);
 * - comments, the operators | |& && || ; & ;; ( ), reserved words at a command's start
 *   (if / then / do / while / { …) skipped so the command after them is seen;
 * - leading `VAR=value` assignments apart from the words;
 * - redirections with their file descriptor (>, >>, >|, <, &>, &>>, 2>&1, <<<, <>);
 * - here-documents (<<EOF, <<-EOF, <<'EOF', <<"EOF"): their body lines, and whether the shell
 *   expands them (an unquoted delimiter) or writes them literally (a quoted one).
 *
 * Views over the same tokens: `parseShell` (strict: an unterminated quote is a ParseError, as bash
 * refuses the script there too), `tokenizeShell` (never throws: syntax errors are returned beside
 * the commands), `shellWords` (one flat list with the operators as words: Procfile lines, `sh -c`
 * bodies) and `shlexSplit` (the words only, operators dropped: compose string commands).
 */
import { ParseError } from '../contracts/errors.js';
import { lineStarts, positionAt } from './lines.js';

export interface ShellWord {
  /** Quotes removed, escapes applied, expansions kept as written (`$(openssl rand -hex 32)`). */
  value: string;
  /** As written. */
  raw: string;
  line: number;
  column: number;
  /** Some part was quoted. */
  quoted: boolean;
  /** Contains an expansion the shell performs ($VAR, $(…), `…`, ${…} outside single quotes). */
  expands: boolean;
}

export interface ShellRedirect {
  /** `>`, `>>`, `>|`, `<`, `<<`, `<<-`, `<<<`, `<>`, `>&`, `<&`, `&>`, `&>>` */
  op: string;
  /** Explicit file descriptor (`2` in `2>&1`). */
  fd?: string;
  target?: ShellWord;
  line: number;
  column: number;
}

export interface ShellHeredoc {
  delimiter: string;
  /** The delimiter was quoted: the body is written literally (no expansion). */
  literal: boolean;
  /** `<<-`: leading tabs stripped. */
  stripTabs: boolean;
  lines: { text: string; line: number; column: number }[];
  line: number;
  column: number;
}

export interface ShellCommand {
  /** Words after leading assignments and reserved words. */
  words: ShellWord[];
  /** Leading `VAR=value` words. */
  assignments: ShellWord[];
  redirects: ShellRedirect[];
  heredocs: ShellHeredoc[];
  line: number;
  column: number;
  /** Commands of one pipeline share this number, in order. */
  pipeline: number;
  /** The operator after the command (`|`, `&&`, `;`, newline …); '' at the end of the text. */
  next?: string;
}

/** A syntax error the tokenizer recovered from (the rest of the text became the last word). */
export interface ShellSyntaxError {
  message: string;
  line: number;
  column: number;
}

export interface ShellScript {
  commands: ShellCommand[];
  errors: ShellSyntaxError[];
}

export interface TokenizeOptions {
  /** Position of text[0] (default 1:1). */
  line?: number;
  column?: number;
  /**
   * Position of an offset, for text that is not a verbatim slice of its file (a Dockerfile
   * instruction whose continuation lines were joined). Overrides line / column.
   */
  locate?: (offset: number) => { line: number; column: number };
}

/** Nesting of `$( "$( … )" )` beyond this is reported, not followed (bounded stack on hostile input). */
export const MAX_DEPTH = 64;

const RESERVED_START = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'fi', 'done', 'esac', 'time', 'function']);
/** Characters that end an unquoted word. */
const WORD_END = new Set([' ', '\t', '\r', '\n', '|', '&', ';', '(', ')', '<', '>']);
/** Characters with a meaning inside a word (everything else is copied as is). */
const WORD_SPECIAL = new Set([...WORD_END, '\\', "'", '"', '$', '`']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAM = /[0-9@*#?$!-]/;
const ASSIGNMENT_WORD = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

class Stop extends Error {}

/** Tokenizes a script into simple commands. Never throws: syntax errors are listed in `errors`. */
export function tokenizeShell(text: string, opts: TokenizeOptions = {}): ShellScript {
  const n = text.length;
  let i = 0;
  let starts: number[] | undefined;
  const baseLine = opts.line ?? 1;
  const baseCol = opts.column ?? 1;
  const loc =
    opts.locate ??
    ((off: number) => {
      starts ??= lineStarts(text);
      const p = positionAt(starts, off);
      return { line: baseLine + p.line - 1, column: p.line === 1 ? baseCol + p.column - 1 : p.column };
    });
  const errors: ShellSyntaxError[] = [];
  /** Records a syntax error at `at` and consumes the rest of the text (every loop ends at n). */
  const fail = (msg: string, at: number) => {
    errors.push({ message: `shell: ${msg}`, ...loc(at) });
    i = n;
  };
  let depth = 0;
  const enter = (at: number): boolean => {
    if (++depth > MAX_DEPTH) {
      errors.push({ message: `shell: substitutions nested deeper than ${MAX_DEPTH} levels`, ...loc(at) });
      i = n;
      throw new Stop();
    }
    return true;
  };

  /** Skips a balanced $( … ) / <( … ) body; i is just after the opening paren. */
  const skipParens = (at: number) => {
    enter(at);
    let d = 1;
    while (i < n) {
      const c = text[i]!;
      if (c === '\\') i += 2;
      else if (c === "'") {
        const close = text.indexOf("'", i + 1);
        if (close < 0) return fail('unterminated single quote inside $( … )', at);
        i = close + 1;
      } else if (c === '"') skipDouble(at);
      else if (c === '`') skipBacktick(at);
      else if (c === '(') {
        d++;
        i++;
      } else if (c === ')') {
        d--;
        i++;
        if (d === 0) {
          depth--;
          return;
        }
      } else i++;
    }
    fail('unterminated $( … ) or ( … )', at);
  };
  const skipBacktick = (at: number) => {
    i++;
    while (i < n && text[i] !== '`') i += text[i] === '\\' ? 2 : 1;
    if (i >= n) return fail('unterminated backquote', at);
    i++;
  };
  const skipBraces = (at: number) => {
    let d = 1;
    while (i < n) {
      const c = text[i]!;
      if (c === '\\') i += 2;
      else if (c === '{') {
        d++;
        i++;
      } else if (c === '}') {
        d--;
        i++;
        if (d === 0) return;
      } else if (c === "'" || c === '"') {
        // quotes inside ${x:-"…"}
        const q = c;
        i++;
        while (i < n && text[i] !== q) i += text[i] === '\\' && q === '"' ? 2 : 1;
        i++;
      } else i++;
    }
    fail('unterminated ${ … }', at);
  };
  /** Reads a "…" string (i at the opening quote); its content with escapes applied. */
  const skipDouble = (at: number): { value: string; expands: boolean } => {
    i++;
    let value = '';
    let expands = false;
    while (i < n && text[i] !== '"') {
      const c = text[i]!;
      if (c === '\\') {
        const nx = text[i + 1];
        if (nx === '\n') i += 2;
        else if (nx !== undefined && '$`"\\'.includes(nx)) {
          value += nx;
          i += 2;
        } else {
          value += c;
          i++;
        }
      } else if (c === '$' || c === '`') {
        const s = i;
        if (dollar()) expands = true;
        value += text.slice(s, i);
      } else {
        // A run of plain characters at once.
        let j = i + 1;
        while (j < n) {
          const d = text[j]!;
          if (d === '"' || d === '\\' || d === '$' || d === '`') break;
          j++;
        }
        value += text.slice(i, j);
        i = j;
      }
    }
    if (i >= n) {
      fail('unterminated double quote', at);
      return { value, expands };
    }
    i++;
    return { value, expands };
  };
  /** At `$` or a backquote: consumes an expansion; true when it is one. */
  const dollar = (): boolean => {
    const at = i;
    if (text[i] === '`') {
      skipBacktick(at);
      return true;
    }
    const nx = text[i + 1];
    if (nx === '(') {
      i += 2;
      skipParens(at);
      return true;
    }
    if (nx === '{') {
      i += 2;
      skipBraces(at);
      return true;
    }
    if (nx !== undefined && NAME_START.test(nx)) {
      i += 2;
      while (i < n && NAME_CHAR.test(text[i]!)) i++;
      return true;
    }
    if (nx !== undefined && SPECIAL_PARAM.test(nx)) {
      i += 2;
      return true;
    }
    i++;
    return false;
  };

  const readWord = (): ShellWord => {
    const start = i;
    let value = '';
    let quoted = false;
    let expands = false;
    while (i < n) {
      const c = text[i]!;
      // Process substitution <( … ) / >( … ) as (part of) a word.
      if ((c === '<' || c === '>') && text[i + 1] === '(' && i === start) {
        i += 2;
        skipParens(start);
        value += text.slice(start, i);
        expands = true;
        continue;
      }
      if (WORD_END.has(c)) break;
      if (c === '\\') {
        if (text[i + 1] === '\n') {
          i += 2;
          continue;
        }
        if (i + 1 < n) value += text[i + 1];
        i += 2;
        continue;
      }
      if (c === "'") {
        quoted = true;
        const close = text.indexOf("'", i + 1);
        if (close < 0) {
          value += text.slice(i + 1);
          fail('unterminated single quote', start);
          break;
        }
        value += text.slice(i + 1, close);
        i = close + 1;
        continue;
      }
      if (c === '$' && text[i + 1] === "'") {
        quoted = true;
        i += 2;
        while (i < n && text[i] !== "'") {
          if (text[i] === '\\' && i + 1 < n) {
            const e = text[i + 1]!;
            value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
            i += 2;
          } else {
            value += text[i];
            i++;
          }
        }
        if (i >= n) {
          fail("unterminated $'…' string", start);
          break;
        }
        i++;
        continue;
      }
      if (c === '"') {
        quoted = true;
        const d = skipDouble(start);
        value += d.value;
        expands ||= d.expands;
        continue;
      }
      if (c === '$' || c === '`') {
        const s = i;
        if (dollar()) expands = true;
        value += text.slice(s, i);
        continue;
      }
      // A run of plain characters at once.
      let j = i + 1;
      while (j < n && !WORD_SPECIAL.has(text[j]!)) j++;
      value += text.slice(i, j);
      i = j;
    }
    return { value, raw: text.slice(start, Math.min(i, n)), ...loc(start), quoted, expands };
  };

  const commands: ShellCommand[] = [];
  let pipeline = 0;
  let cur: { words: ShellWord[]; redirects: ShellRedirect[]; heredocs: ShellHeredoc[] } = { words: [], redirects: [], heredocs: [] };
  let pending: ShellHeredoc[] = [];

  const end = (op: string) => {
    const words = cur.words;
    let k = 0;
    // Reserved words at the start (if, then, do, {, fi …) are not the command.
    while (k < words.length && !words[k]!.quoted && RESERVED_START.has(words[k]!.value)) k++;
    let a = k;
    while (a < words.length && ASSIGNMENT_WORD.test(words[a]!.value) && !words[a]!.raw.startsWith('"') && !words[a]!.raw.startsWith("'")) a++;
    const first = words[k] ?? cur.redirects[0];
    if (k < words.length || cur.redirects.length || cur.heredocs.length) {
      const here = first ?? loc(Math.min(i, n));
      commands.push({
        words: words.slice(a),
        assignments: words.slice(k, a),
        redirects: cur.redirects,
        heredocs: cur.heredocs,
        line: here.line,
        column: here.column,
        pipeline,
        next: op,
      });
    }
    if (op !== '|' && op !== '|&') pipeline++;
    cur = { words: [], redirects: [], heredocs: [] };
  };

  const readHeredocs = () => {
    for (const h of pending) {
      while (i < n) {
        const nl = text.indexOf('\n', i);
        const lineEnd = nl < 0 ? n : nl;
        let tabs = 0;
        if (h.stripTabs) while (text[i + tabs] === '\t') tabs++;
        let body = text.slice(i + tabs, lineEnd);
        if (body.endsWith('\r')) body = body.slice(0, -1);
        const at = loc(i + tabs);
        i = nl < 0 ? n : nl + 1;
        if (body === h.delimiter) break;
        h.lines.push({ text: body, ...at });
      }
      // bash accepts a here-document ended by the end of file (with a warning).
    }
    pending = [];
  };

  try {
    while (i < n) {
      const c = text[i]!;
      if (c === ' ' || c === '\t' || c === '\r') {
        i++;
        continue;
      }
      if (c === '\\' && text[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (c === '\n') {
        end('\n');
        i++;
        if (pending.length) readHeredocs();
        continue;
      }
      if (c === '#') {
        const nl = text.indexOf('\n', i);
        i = nl < 0 ? n : nl;
        continue;
      }
      // Redirections, with an optional file descriptor written right before.
      let opStart = i;
      while (opStart < n && opStart - i < 10 && text.charCodeAt(opStart) >= 48 && text.charCodeAt(opStart) <= 57) opStart++;
      const fd = opStart > i && (text[opStart] === '<' || text[opStart] === '>') ? text.slice(i, opStart) : undefined;
      if (!fd) opStart = i;
      const op =
        ['&>>', '<<<', '<<-'].find((o) => text.startsWith(o, opStart)) ??
        ['&>', '>>', '>|', '>&', '<&', '<>', '<<'].find((o) => text.startsWith(o, opStart)) ??
        (text[opStart] === '>' || text[opStart] === '<' ? text[opStart] : undefined);
      const procSubst = (c === '<' || c === '>') && text[i + 1] === '(';
      if (op && !procSubst && (fd || c === '<' || c === '>' || c === '&')) {
        const at = loc(i);
        i = opStart + op.length;
        while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
        const startsWord = i < n && (!WORD_END.has(text[i]!) || ((text[i] === '<' || text[i] === '>') && text[i + 1] === '('));
        const target = startsWord ? readWord() : undefined;
        if (op === '<<' || op === '<<-') {
          if (!target) {
            errors.push({ message: 'shell: here-document without a delimiter', ...at });
          } else {
            const h: ShellHeredoc = { delimiter: target.value, literal: target.quoted, stripTabs: op === '<<-', lines: [], ...at };
            cur.heredocs.push(h);
            pending.push(h);
          }
        }
        cur.redirects.push({ op, fd, target, ...at });
        continue;
      }
      const two = text.slice(i, i + 2);
      if (text.startsWith(';;&', i)) {
        end(';;&');
        i += 3;
        continue;
      }
      if (two === ';;' || two === ';&' || two === '&&' || two === '||' || two === '|&') {
        end(two);
        i += 2;
        continue;
      }
      if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
        end(c);
        i++;
        continue;
      }
      cur.words.push(readWord());
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  end('');
  if (pending.length) readHeredocs();
  return { commands, errors };
}

/** Tokenizes a script into simple commands; a syntax error (unterminated quote …) is a ParseError. */
export function parseShell(text: string, opts: TokenizeOptions = {}): ShellCommand[] {
  const { commands, errors } = tokenizeShell(text, opts);
  const e = errors[0];
  if (e) throw new ParseError(e.message, e.line, e.column);
  return commands;
}

/** The words of a simple command with its leading assignments: what the process sees as argv (plus its environment). */
export function argvOf(cmd: Pick<ShellCommand, 'assignments' | 'words'>): string[] {
  const out: string[] = [];
  for (const w of cmd.assignments) out.push(w.value);
  for (const w of cmd.words) out.push(w.value);
  return out;
}

const OPERATOR_WORDS = new Set(['&&', '||', ';', '|', '|&', '&', ';;', ';&', ';;&']);

/**
 * A command line as one list of words with the operators between commands as their own words
 * (`a && b` → [a, &&, b]); redirections are left out. Lenient: an unterminated quote runs to the end.
 */
export function shellWords(text: string): string[] {
  const out: string[] = [];
  for (const c of tokenizeShell(text).commands) {
    out.push(...argvOf(c));
    if (c.next && OPERATOR_WORDS.has(c.next)) out.push(c.next);
  }
  while (out.length && OPERATOR_WORDS.has(out[out.length - 1]!)) out.pop();
  return out;
}

/** Is this word one of the operators `shellWords` puts between commands? */
export function isOperatorWord(w: string): boolean {
  return OPERATOR_WORDS.has(w);
}

/** Splits a command string the way compose does (words only, operators and redirections dropped; newlines are spaces). */
export function shlexSplit(text: string): string[] {
  const out: string[] = [];
  for (const c of tokenizeShell(text.replace(/\n/g, ' ')).commands) out.push(...argvOf(c));
  return out;
}

/** Shells whose `-c` argument is a script. */
export const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/bin/zsh', '/usr/bin/env']);

/** Shell keywords and prefixes that come before the program of a command. */
export const KEYWORD_PREFIX = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', 'time', '{', 'exec', 'nohup', 'command']);

/** argv without leading shell keywords, `exec`, `VAR=value` assignments and `env [-i] VAR=value`. */
export function commandWords(argv: readonly string[]): string[] {
  let i = 0;
  for (;;) {
    const w = argv[i];
    if (w === undefined) break;
    if (KEYWORD_PREFIX.has(w)) i++;
    else if (ASSIGNMENT_WORD.test(w)) i++;
    else if (w === 'env' || w === '/usr/bin/env') {
      i++;
      while (argv[i] !== undefined && (argv[i]!.startsWith('-') || ASSIGNMENT_WORD.test(argv[i]!))) i++;
    } else break;
  }
  return argv.slice(i);
}

/** When argv is `sh -c "script"` (any shell, `-c` anywhere among its options), the script. */
export function shellScriptOf(argv: readonly string[]): string | undefined {
  const words = commandWords(argv);
  if (!words.length) return undefined;
  const base = words[0]!.split('/').pop()!;
  if (!SHELLS.has(base) && !SHELLS.has(words[0]!)) return undefined;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (!w.startsWith('-')) return undefined;
    if (/^-[a-z]*c[a-z]*$/.test(w)) return words[i + 1];
  }
  return undefined;
}

const base = (w: string) => w.slice(w.lastIndexOf('/') + 1);
/** Wrappers that run the rest of the line, each followed by its own options. */
const PLAIN_WRAPPERS = new Set(['exec', 'nohup', 'command', 'builtin', 'time', 'npx', 'dumb-init', 'tini', 'tini-static', 'setpriv', 'ddtrace-run', 'opentelemetry-instrument', 'doas']);
/** Wrappers whose first argument is a user (then the command). */
const USER_WRAPPERS = new Set(['gosu', 'su-exec', 's6-setuidgid']);
/** `tool sub` pairs that run the rest: `bundle exec`, `poetry run`, `newrelic-admin run-program`, `doppler run --`. */
const RUNNERS: Record<string, string> = { bundle: 'exec', poetry: 'run', pipenv: 'run', uv: 'run', pdm: 'run', hatch: 'run', rye: 'run', 'newrelic-admin': 'run-program', doppler: 'run', infisical: 'run' };
/** sudo options that take a value. */
const SUDO_VALUE = /^-[ugCDhpr]$/;

/**
 * The program a command runs once the wrappers are peeled off: leading `VAR=value` assignments,
 * shell keywords, `exec`, `env [-i] A=1`, `sudo -u app`, `nohup`, `tini --`, `gosu user`,
 * `bundle exec`, `poetry run`, `npx`, `newrelic-admin run-program`, `doppler run --` …
 * `offset` is the index of `words[0]` in argv; `assigns` the assignments seen on the way.
 */
export function unwrapCommand(argv: readonly string[]): { words: string[]; offset: number; assigns: string[] } {
  let i = 0;
  const assigns: string[] = [];
  const skipOptions = (valued?: RegExp) => {
    while (i < argv.length && argv[i]!.startsWith('-')) {
      const o = argv[i]!;
      i += valued && valued.test(o) ? 2 : 1;
      if (o === '--') break;
    }
  };
  while (i < argv.length) {
    const w = argv[i]!;
    const b = base(w);
    if (ASSIGNMENT_WORD.test(w)) {
      assigns.push(w);
      i++;
    } else if (KEYWORD_PREFIX.has(w) || PLAIN_WRAPPERS.has(b)) {
      i++;
      skipOptions();
    } else if (b === 'env') {
      i++;
      while (i < argv.length && (argv[i]!.startsWith('-') || ASSIGNMENT_WORD.test(argv[i]!))) {
        if (ASSIGNMENT_WORD.test(argv[i]!)) assigns.push(argv[i]!);
        i++;
      }
    } else if (b === 'sudo') {
      i++;
      skipOptions(SUDO_VALUE);
    } else if (USER_WRAPPERS.has(b)) {
      i++;
      skipOptions();
      i++;
    } else if (b === 'chpst') {
      i++;
      skipOptions(/^-[ugUen]$/);
    } else if (RUNNERS[b] !== undefined && argv[i + 1] === RUNNERS[b]) {
      i += 2;
      skipOptions(/^-(p|c|-project|-config)$/);
    } else if (w === '--') i++;
    else break;
  }
  return { words: argv.slice(i), offset: i, assigns };
}
