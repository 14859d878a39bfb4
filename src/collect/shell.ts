/**
 * Shell scripts (`*.sh`, `*.bash`, EC2 `user-data`, files with a shell shebang), read with a small
 * POSIX-shell tokenizer written for honban (there is no maintained bash parser on npm we may use:
 * tree-sitter-bash is not a dependency). It understands what provisioning rules need:
 *
 * - words with '…', "…", $'…' quoting, backslash escapes and line continuations;
 * - expansions kept as written inside words — $VAR, ${…}, $(…), $((…)), `…`, <(…) — and whether
 *   the shell will expand them (not inside single quotes);
 * - comments, the operators | |& && || ; & and ( ), reserved words at a command's start
 *   (if / then / do / while / { …) skipped so the command after them is seen;
 * - redirections with their file descriptor (>, >>, >|, <, &>, &>>, 2>&1, <<<, <>);
 * - here-documents (<<EOF, <<-EOF, <<'EOF', <<"EOF"): their body lines, and whether the shell
 *   expands them (an unquoted delimiter) or writes them literally (a quoted one).
 *
 * Simple commands are grouped into pipelines. An unterminated quote or substitution is a
 * ParseError (bash refuses the script there too).
 */
import type { Collector } from '../contracts/collector.js';
import { ParseError } from '../contracts/errors.js';
import type { CommandLine } from '../facts/common.js';
import { isSecretName } from '../lib/secrets.js';
import { programName, programIndex, type WrittenEntry, type ShellWord, type ShellHeredoc, type ShellFileWrite, type ShellCommand } from '../facts/shell.js';

const RESERVED_START = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'fi', 'done', 'esac', 'time', 'function']);
const WORD_END = new Set([' ', '\t', '\n', '|', '&', ';', '(', ')', '<', '>']);

/** Tokenizes a script into simple commands. */
export function parseShell(text: string): ShellCommand[] {
  const n = text.length;
  let i = 0;
  let line = 1;
  let col = 1;
  const adv = (k = 1) => {
    for (let m = 0; m < k && i < n; m++) {
      if (text[i] === '\n') {
        line++;
        col = 1;
      } else col++;
      i++;
    }
  };
  const fail = (msg: string, l: number, c: number): never => {
    throw new ParseError(`shell: ${msg}`, l, c);
  };

  /** Skips a balanced $( … ) / <( … ) body; i is just after the opening paren. */
  const skipParens = (l0: number, c0: number) => {
    let depth = 1;
    while (i < n) {
      const c = text[i]!;
      if (c === '\\') adv(2);
      else if (c === "'") {
        adv();
        while (i < n && text[i] !== "'") adv();
        if (i >= n) fail('unterminated single quote inside $( … )', l0, c0);
        adv();
      } else if (c === '"') skipDouble(l0, c0);
      else if (c === '`') skipBacktick(l0, c0);
      else if (c === '(') {
        depth++;
        adv();
      } else if (c === ')') {
        depth--;
        adv();
        if (depth === 0) return;
      } else adv();
    }
    fail('unterminated $( … ) or ( … )', l0, c0);
  };
  const skipBacktick = (l0: number, c0: number) => {
    adv();
    while (i < n && text[i] !== '`') adv(text[i] === '\\' ? 2 : 1);
    if (i >= n) fail('unterminated backquote', l0, c0);
    adv();
  };
  const skipBraces = (l0: number, c0: number) => {
    let depth = 1;
    while (i < n) {
      const c = text[i]!;
      if (c === '\\') adv(2);
      else if (c === '{') {
        depth++;
        adv();
      } else if (c === '}') {
        depth--;
        adv();
        if (depth === 0) return;
      } else if (c === "'" || c === '"') {
        // quotes inside ${x:-"…"}
        const q = c;
        adv();
        while (i < n && text[i] !== q) adv(text[i] === '\\' && q === '"' ? 2 : 1);
        adv();
      } else adv();
    }
    fail('unterminated ${ … }', l0, c0);
  };
  /** Skips a "…" string (i at the opening quote); returns its content with escapes applied. */
  const skipDouble = (l0: number, c0: number): { value: string; expands: boolean } => {
    adv();
    let value = '';
    let expands = false;
    while (i < n && text[i] !== '"') {
      const c = text[i]!;
      if (c === '\\') {
        const nx = text[i + 1];
        if (nx === '\n') adv(2);
        else if (nx !== undefined && '$`"\\'.includes(nx)) {
          value += nx;
          adv(2);
        } else {
          value += c;
          adv();
        }
      } else if (c === '$' || c === '`') {
        const start = i;
        if (dollar()) expands = true;
        value += text.slice(start, i);
      } else {
        value += c;
        adv();
      }
    }
    if (i >= n) fail('unterminated double quote', l0, c0);
    adv();
    return { value, expands };
  };
  /** At `$` or a backquote: consumes an expansion; returns true when it is one. */
  const dollar = (): boolean => {
    const l0 = line;
    const c0 = col;
    if (text[i] === '`') {
      skipBacktick(l0, c0);
      return true;
    }
    const nx = text[i + 1];
    if (nx === '(') {
      adv(2);
      skipParens(l0, c0);
      return true;
    }
    if (nx === '{') {
      adv(2);
      skipBraces(l0, c0);
      return true;
    }
    if (nx !== undefined && /[A-Za-z0-9_@*#?$!-]/.test(nx)) {
      adv();
      if (/[A-Za-z_]/.test(nx)) while (i < n && /[A-Za-z0-9_]/.test(text[i]!)) adv();
      else adv();
      return true;
    }
    adv();
    return false;
  };

  const readWord = (): ShellWord => {
    const start = i;
    const l0 = line;
    const c0 = col;
    let value = '';
    let quoted = false;
    let expands = false;
    while (i < n) {
      const c = text[i]!;
      // Process substitution <( … ) / >( … ) as (part of) a word.
      if ((c === '<' || c === '>') && text[i + 1] === '(' && i === start) {
        const s = i;
        adv(2);
        skipParens(l0, c0);
        value += text.slice(s, i);
        expands = true;
        continue;
      }
      if (WORD_END.has(c)) break;
      if (c === '\\') {
        if (text[i + 1] === '\n') {
          adv(2);
          continue;
        }
        if (i + 1 < n) value += text[i + 1];
        adv(2);
        continue;
      }
      if (c === "'") {
        quoted = true;
        adv();
        const s = i;
        while (i < n && text[i] !== "'") adv();
        if (i >= n) fail('unterminated single quote', l0, c0);
        value += text.slice(s, i);
        adv();
        continue;
      }
      if (c === '$' && text[i + 1] === "'") {
        quoted = true;
        adv(2);
        while (i < n && text[i] !== "'") {
          if (text[i] === '\\' && i + 1 < n) {
            const e = text[i + 1]!;
            value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
            adv(2);
          } else {
            value += text[i];
            adv();
          }
        }
        if (i >= n) fail("unterminated $'…' string", l0, c0);
        adv();
        continue;
      }
      if (c === '"') {
        quoted = true;
        const d = skipDouble(l0, c0);
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
      value += c;
      adv();
    }
    return { value, raw: text.slice(start, i), line: l0, column: c0, quoted, expands };
  };

  const commands: ShellCommand[] = [];
  let pipeline = 0;
  let cur: Omit<ShellCommand, 'pipeline' | 'line' | 'column' | 'assignments'> & { line?: number; column?: number } = { words: [], redirects: [], heredocs: [] };
  let pending: ShellHeredoc[] = [];

  const end = (op: string) => {
    const words = cur.words;
    let k = 0;
    // Reserved words at the start (if, then, do, {, fi …) are not the command.
    while (k < words.length && !words[k]!.quoted && RESERVED_START.has(words[k]!.value)) k++;
    const rest = words.slice(k);
    let a = 0;
    while (a < rest.length && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(rest[a]!.value) && !rest[a]!.raw.startsWith('"') && !rest[a]!.raw.startsWith("'")) a++;
    const first = rest[0] ?? cur.redirects[0];
    if (rest.length || cur.redirects.length || cur.heredocs.length) {
      commands.push({
        words: rest.slice(a),
        assignments: rest.slice(0, a),
        redirects: cur.redirects,
        heredocs: cur.heredocs,
        line: first?.line ?? line,
        column: first?.column ?? col,
        pipeline,
        next: op,
      });
    }
    if (op !== '|' && op !== '|&') pipeline++;
    cur = { words: [], redirects: [], heredocs: [] };
  };

  const readHeredocs = () => {
    for (const h of pending) {
      let found = false;
      while (i < n) {
        const nl = text.indexOf('\n', i);
        const lineText = text.slice(i, nl < 0 ? n : nl);
        const tabs = h.stripTabs ? /^\t*/.exec(lineText)![0].length : 0;
        const body = lineText.slice(tabs);
        const at = { line, column: tabs + 1 };
        adv(lineText.length + (nl < 0 ? 0 : 1));
        if (body === h.delimiter) {
          found = true;
          break;
        }
        h.lines.push({ text: body, ...at });
      }
      // bash accepts a here-document ended by the end of file (with a warning).
      void found;
    }
    pending = [];
  };

  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      adv();
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      adv(2);
      continue;
    }
    if (c === '\n') {
      end('\n');
      adv();
      if (pending.length) readHeredocs();
      continue;
    }
    if (c === '#') {
      while (i < n && text[i] !== '\n') adv();
      continue;
    }
    const two = text.slice(i, i + 2);
    const three = text.slice(i, i + 3);
    // Redirections, with an optional file descriptor written right before.
    const fdm = /^(\d+)(?=[<>])/.exec(text.slice(i, i + 12));
    const opStart = fdm ? i + fdm[1]!.length : i;
    const op = ['&>>', '<<<', '<<-'].find((o) => text.startsWith(o, opStart)) ?? ['&>', '>>', '>|', '>&', '<&', '<>', '<<'].find((o) => text.startsWith(o, opStart)) ?? (text[opStart] === '>' || text[opStart] === '<' ? text[opStart] : undefined);
    const procSubst = (c === '<' || c === '>') && text[i + 1] === '(';
    if (op && !procSubst && (fdm || c === '<' || c === '>' || c === '&')) {
      const at = { line, column: col };
      adv(opStart - i + op.length);
      while (i < n && (text[i] === ' ' || text[i] === '\t')) adv();
      const target = i < n && text[i] !== '\n' ? readWord() : undefined;
      if (op === '<<' || op === '<<-') {
        if (!target) fail('here-document without a delimiter', at.line, at.column);
        const h: ShellHeredoc = { delimiter: target!.value, literal: target!.quoted, stripTabs: op === '<<-', lines: [], ...at };
        cur.heredocs.push(h);
        pending.push(h);
      }
      cur.redirects.push({ op, fd: fdm?.[1], target, ...at });
      continue;
    }
    if (three === ';;&' || two === ';;' || two === ';&' || two === '&&' || two === '||' || two === '|&') {
      end(two === ';;' && three === ';;&' ? three : two);
      adv(three === ';;&' ? 3 : 2);
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      end(c);
      adv();
      continue;
    }
    cur.words.push(readWord());
  }
  end('');
  if (pending.length) readHeredocs();
  return commands;
}

const ASSIGNMENT = /^(\s*)(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/;
const EXPANSION = /\$[A-Za-z_{(]|`/;

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t.replace(/\s+#.*$/, '');
}

/** Where a command's output goes when it is a file (`> f`, `>> f`, `&> f`). */
function outputFile(cmd: ShellCommand): { word: ShellWord; append: boolean } | undefined {
  for (const r of cmd.redirects) {
    if (!r.target || (r.fd && r.fd !== '1')) continue;
    if (!['>', '>>', '>|', '&>', '&>>'].includes(r.op)) continue;
    if (/^\/dev\//.test(r.target.value)) continue;
    return { word: r.target, append: r.op === '>>' || r.op === '&>>' };
  }
  return undefined;
}

/** `tee [-a] FILE…`: its first file argument. */
function teeFile(cmd: ShellCommand | undefined): { word: ShellWord; append: boolean } | undefined {
  if (!cmd || programName(cmd) !== 'tee') return undefined;
  const args = cmd.words.slice(programIndex(cmd.words) + 1);
  const append = args.some((a) => /^-\w*a/.test(a.value) || a.value === '--append');
  const f = args.find((a) => !a.value.startsWith('-') && !/^\/dev\//.test(a.value));
  return f ? { word: f, append } : undefined;
}

/** The `KEY=value` lines scripts write into files (env files, config). */
export function fileWrites(cmds: ShellCommand[]): ShellFileWrite[] {
  const out: ShellFileWrite[] = [];
  cmds.forEach((cmd, idx) => {
    const prog = programName(cmd);
    const nextInPipe = cmd.next === '|' || cmd.next === '|&' ? cmds[idx + 1] : undefined;
    const target = outputFile(cmd) ?? teeFile(cmd) ?? (prog === 'echo' || prog === 'printf' ? teeFile(nextInPipe) : undefined);
    if (!target) return;
    const base = { target: target.word.value, targetLine: target.word.line, targetColumn: target.word.column, append: target.append, line: cmd.line, column: cmd.column };
    for (const h of cmd.heredocs) {
      const entries: WrittenEntry[] = [];
      for (const l of h.lines) {
        const m = ASSIGNMENT.exec(l.text);
        if (!m) continue;
        const raw = m[3]!;
        const value = unquote(raw);
        const has = EXPANSION.test(raw) && !(raw.trim().startsWith("'") && !h.literal);
        entries.push({ key: m[2]!, value, line: l.line, column: l.column + m[1]!.length, hasExpansion: has, expanded: has && !h.literal });
      }
      if (entries.length) out.push({ ...base, via: 'heredoc', entries });
    }
    if (prog !== 'echo' && prog !== 'printf') return;
    const args = cmd.words.slice(programIndex(cmd.words) + 1);
    let k = 0;
    let escapes = prog === 'printf';
    if (prog === 'echo') {
      while (k < args.length && /^-[neE]+$/.test(args[k]!.value)) {
        if (args[k]!.value.includes('e')) escapes = true;
        k++;
      }
    }
    const rest = args.slice(k);
    if (!rest.length) return;
    let text: string;
    if (prog === 'printf') {
      let fi = 1;
      text = rest[0]!.value.replace(/%[-0-9.]*[sdb]/g, () => rest[fi++]?.value ?? '');
    } else text = rest.map((w) => w.value).join(' ');
    if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
    const expands = rest.some((w) => w.expands);
    const entries: WrittenEntry[] = [];
    for (const piece of text.split('\n')) {
      const m = ASSIGNMENT.exec(piece);
      if (!m) continue;
      const value = unquote(m[3]!);
      // Position: the argument word that holds the key.
      const word = rest.find((w) => w.value.includes(`${m[2]}=`) || w.value.includes(`${m[2]} =`)) ?? rest[0]!;
      const has = EXPANSION.test(m[3]!);
      entries.push({ key: m[2]!, value, line: word.line, column: word.column, hasExpansion: has, expanded: has && expands });
    }
    if (entries.length) out.push({ ...base, via: prog, entries });
  });
  return out;
}

const collector: Collector<'shell'> = {
  fact: 'shell',
  kinds: ['shell'],
  collect(file, ctx) {
    const simple = parseShell(file.content);
    const writes = fileWrites(simple);
    for (const w of writes) for (const e of w.entries) if (isSecretName(e.key) && e.value && !e.expanded) ctx.registerSecret(e.value);
    for (const c of simple) for (const a of c.assignments) {
      const eq = a.value.indexOf('=');
      const v = a.value.slice(eq + 1);
      if (isSecretName(a.value.slice(0, eq)) && v && !a.expands) ctx.registerSecret(v);
    }
    const commands: CommandLine[] = simple
      .filter((c) => c.words.length)
      .map((c) => ({ text: [...c.assignments, ...c.words].map((w) => w.raw).join(' '), argv: c.words.map((w) => w.value), source: 'shell', file: file.path, line: c.line, column: c.column }));
    return { file: file.path, environment: file.environment, commands, simple, writes };
  },
};
export default collector;
