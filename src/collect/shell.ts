/**
 * Shell scripts (`*.sh`, `*.bash`, EC2 `user-data`, files with a shell shebang): their simple
 * commands (tokenized by the one shell tokenizer, src/lib/shell.ts) and the `KEY=value` lines they
 * write into files. An unterminated quote or substitution is a ParseError (bash refuses the script
 * there too).
 */
import type { Collector } from '../contracts/collector.js';
import type { CommandLine } from '../facts/common.js';
import { isSecretName } from '../lib/secrets.js';
import { programName, programIndex, type WrittenEntry, type ShellWord, type ShellFileWrite, type ShellCommand } from '../facts/shell.js';
import { parseShell } from '../lib/shell.js';

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
