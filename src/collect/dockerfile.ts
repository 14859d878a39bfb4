/**
 * Dockerfile collector (dockerfile-ast): stages, instructions with positions, the effective USER /
 * CMD / ENTRYPOINT / HEALTHCHECK / ENV of every stage (multi-stage aware: `FROM builder` inherits
 * from the stage it names), ENV / ARG with values, COPY / ADD, RUN split into simple commands,
 * EXPOSE, the build context with the .dockerignore that applies, and the local scripts the final
 * command runs. It parses and gathers; the docker/* rules judge.
 *
 * Also home of the small helpers the compose collector shares (shell word splitting, variable
 * substitution, image references, script lookup): this module imports dockerfile-ast lazily, so
 * loading it from the compose collector costs nothing.
 */
import { gitignore } from '../lib/gitignore.js';
import type { Dockerfile, Instruction } from 'dockerfile-ast';
import type { CollectContext, Collector } from '../contracts/collector.js';
import { ParseError } from '../contracts/errors.js';
import type { CommandLine, ProvidedVar } from '../facts/common.js';
import { isSecretName, sensitiveFileKind, TOKEN_PATTERNS } from '../lib/secrets.js';
import { TEMPLATE, type SourceFile } from '../contracts/types.js';
import type { Loc, NpmScriptRef, ShellCommand, ShellWord, ScriptRef, DockerignorePattern, ContextEntry, BuildContext, DockerUser, DockerStage, DockerKeyValue, DockerInstructionFact, DockerExec, ImageRef, DockerHealthcheck, DockerRun, DockerfileFact } from '../facts/dockerfile.js';
import { argvOf, commandWords, shellScriptOf, SHELLS, tokenizeShell, type ShellCommand as TokenizedCommand } from '../lib/shell.js';
import { lineStarts, positionAt, rowAt } from '../lib/lines.js';
import { isPasswordPlaceholder, urlPassword } from '../lib/url.js';
import { npmScriptName } from '../lib/dev-server.js';
import { dirname as dirOf } from '../lib/paths.js';
import { parseImage } from '../lib/image-ref.js';

// ---------------------------------------------------------------------------------------------
// Shared helpers (also used by the compose collector)
// ---------------------------------------------------------------------------------------------

/** Stage names that mean development or tests: `dev`, `development`, `dev-envs`, `debug`, `test`, `local`. */
export function isDevelopmentStageName(name: string): boolean {
  return /^(dev|devel|develop|development|dev[-_]?envs?|devcontainer|debug|debugger|test|tests|testing|local|watch|hot[-_]?reload)$/i.test(name) || /^(dev|test|debug)[-_]/i.test(name) || /[-_](dev|development|test|debug)$/i.test(name);
}

/** The Dockerfile fact's view of tokenized commands: argv with its leading assignments, words with positions; here-documents that feed a shell (`RUN <<EOF`, `bash <<EOF`) are read as script. */
function toDockerCommands(cmds: readonly TokenizedCommand[], out: ShellCommand[] = []): ShellCommand[] {
  for (const c of cmds) {
    const words: ShellWord[] = [...c.assignments, ...c.words].map((w) => ({ value: w.value, line: w.line, column: w.column }));
    if (words.length) out.push({ argv: words.map((w) => w.value), words, line: words[0]!.line, column: words[0]!.column });
    for (const h of c.heredocs) {
      const first = words[0]?.value;
      const feedsShell = first === undefined || SHELLS.has(first) || (first === 'env' && SHELLS.has(words[1]?.value ?? ''));
      if (!feedsShell || !h.lines.length) continue;
      const body = h.lines.map((l) => l.text).join('\n');
      const starts = lineStarts(body);
      const locate = (off: number) => {
        const p = positionAt(starts, off);
        const l = h.lines[p.line - 1] ?? h.lines[h.lines.length - 1]!;
        return { line: l.line, column: l.column + p.column - 1 };
      };
      toDockerCommands(tokenizeShell(body, { locate }).commands, out);
    }
  }
  return out;
}

/** Commands of a script whose words all sit at one position (an exec-form `["sh", "-c", "…"]` or a compose string). */
export function scriptCommandsAt(script: string, at: Loc): ShellCommand[] {
  return toDockerCommands(tokenizeShell(script, { locate: () => at }).commands);
}

/**
 * Commands of a shell-form Dockerfile instruction. Docker removes the escape character + newline
 * (and comment lines inside a continued instruction) before the shell sees the text; positions
 * still point into the Dockerfile.
 */
export function dockerShellCommands(src: { text: string; line: number; column: number }, escape = '\\'): ShellCommand[] {
  const t = src.text;
  const n = t.length;
  // Joined text, and for each piece of it where it starts in the joined and in the source text.
  let joined = '';
  const outAt: number[] = [0];
  const srcAt: number[] = [0];
  let from = 0;
  let i = t.indexOf(escape);
  while (i >= 0 && i < n) {
    const crlf = t[i + 1] === '\r' && t[i + 2] === '\n';
    if (t[i + 1] !== '\n' && !crlf) {
      i = t.indexOf(escape, i + 1);
      continue;
    }
    joined += t.slice(from, i);
    let j = i + (crlf ? 3 : 2);
    for (;;) {
      let k = j;
      while (k < n && (t[k] === ' ' || t[k] === '\t')) k++;
      if (t[k] !== '#') break;
      const nl = t.indexOf('\n', k);
      j = nl < 0 ? n : nl + 1;
    }
    from = j;
    outAt.push(joined.length);
    srcAt.push(from);
    i = t.indexOf(escape, from);
  }
  joined += t.slice(from);
  const starts = lineStarts(t);
  const locate = (off: number) => {
    // The joined segment holding the offset: the same search as a line's (the last start at or before it).
    const lo = rowAt(outAt, off);
    const p = positionAt(starts, srcAt[lo]! + off - outAt[lo]!);
    return { line: src.line + p.line - 1, column: p.line === 1 ? src.column + p.column - 1 : p.column };
  };
  return toDockerCommands(tokenizeShell(joined, { locate }).commands);
}

/** package.json scripts of `dir` (JSON-parsed; nothing when absent or malformed). */
function packageScripts(dir: string, files: readonly SourceFile[]): { file: string; scripts: Record<string, string> } | undefined {
  const file = dir ? `${dir}/package.json` : 'package.json';
  const f = fileIndex(files).get(file);
  if (!f) return undefined;
  try {
    const pkg = JSON.parse(f.content) as { scripts?: unknown };
    if (!pkg.scripts || typeof pkg.scripts !== 'object') return undefined;
    const scripts: Record<string, string> = {};
    for (const [k, v] of Object.entries(pkg.scripts as Record<string, unknown>)) if (typeof v === 'string') scripts[k] = v;
    return { file, scripts };
  } catch {
    return undefined;
  }
}

/** The package.json scripts (of `dir`) that commands run, following `npm run` inside them two levels deep. */
export function npmScriptsRun(argvs: readonly string[][], dir: string, files: readonly SourceFile[]): NpmScriptRef[] {
  const out: NpmScriptRef[] = [];
  const pkg = packageScripts(dir, files);
  if (!pkg) return out;
  let queue: { name: string; from?: string }[] = argvs.map((a) => npmScriptName(a)).filter((n): n is string => !!n).map((name) => ({ name }));
  // A script may run another one (`"dev": "npm run watch"`): two levels at most.
  for (let depth = 0; depth < 2 && queue.length; depth++) {
    const next: { name: string; from?: string }[] = [];
    for (const { name, from } of queue) {
      const body = pkg.scripts[name];
      if (body === undefined || out.some((r) => r.name === name)) continue;
      const commands = tokenizeShell(body.replace(/\n/g, ' ')).commands.map((c) => ({ argv: argvOf(c) }));
      out.push({ name, body, file: pkg.file, ...(from ? { from } : {}), commands });
      for (const c of commands) {
        const n = npmScriptName(c.argv);
        if (n) next.push({ name: n, from: name });
      }
    }
    queue = next;
  }
  return out;
}

const REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?=])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Variable names a value references (`$A`, `${B}`, `${C:-d}`); `$$` escapes are skipped. */
export function referencesIn(value: string): string[] {
  const out: string[] = [];
  const v = value.replace(/\$\$/g, '');
  for (const m of v.matchAll(REF)) out.push(m[1] ?? m[4]!);
  return out;
}

/** Substitutes `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}` with known values. */
export function substitute(value: string, vars: ReadonlyMap<string, string | undefined>): { value: string; unresolved: boolean } {
  let unresolved = false;
  const out = value.replace(REF, (whole, braced: string | undefined, op: string | undefined, arg: string | undefined, plain: string | undefined) => {
    const name = braced ?? plain!;
    const known = vars.has(name) ? vars.get(name) : undefined;
    if (op === ':-' || op === '-') {
      if (known !== undefined && (op === '-' || known !== '')) return known;
      return substitute(arg ?? '', vars).value;
    }
    if (op === ':+' || op === '+') return known ? (arg ?? '') : '';
    if (known === undefined) {
      unresolved = true;
      return whole;
    }
    return known;
  });
  return { value: out, unresolved };
}

/** Joins POSIX path segments, resolving `.` and `..` (never above the root). */
export function joinPath(...parts: string[]): string {
  const out: string[] = [];
  for (const part of parts) {
    for (const seg of part.split('/')) {
      if (!seg || seg === '.') continue;
      if (seg === '..') out.pop();
      else out.push(seg);
    }
  }
  return out.join('/');
}

const fileIndexes = new WeakMap<readonly SourceFile[], Map<string, SourceFile>>();
/** The scanned files by path (built once per run). */
export function fileIndex(files: readonly SourceFile[]): Map<string, SourceFile> {
  let idx = fileIndexes.get(files);
  if (!idx) {
    idx = new Map(files.map((f) => [f.path, f]));
    fileIndexes.set(files, idx);
  }
  return idx;
}

function under(dir: string, path: string): string | undefined {
  if (!dir) return path;
  return path.startsWith(dir + '/') ? path.slice(dir.length + 1) : undefined;
}

const FLASK_HINT = /\bfrom\s+flask\s+import\b|\bimport\s+flask\b|\bFlask\s*\(/;
const RUN_CALL = /^[ \t]*([A-Za-z_][A-Za-z0-9_]*)\.run\s*\(([^\n]*)/gm;

/**
 * Finds the repository file a script argument names (`app.py`, `./src/main.py`, `/app/app.py`
 * with WORKDIR /app) under `baseDir`, and whether it starts Flask's development server.
 */
export function lookupScript(arg: string, baseDir: string, files: readonly SourceFile[], workdir?: string): ScriptRef {
  let rel = arg.replace(/^\.\//, '');
  if (rel.startsWith('/')) {
    if (workdir && workdir !== '/' && rel.startsWith(workdir.replace(/\/$/, '') + '/')) rel = rel.slice(workdir.replace(/\/$/, '').length + 1);
    else rel = rel.replace(/^\/+/, '');
  }
  const exact = joinPath(baseDir, rel);
  let file = fileIndex(files).get(exact);
  if (!file) {
    const base = rel.split('/').pop()!;
    const candidates = files.filter((f) => under(baseDir, f.path) !== undefined && (f.path === base || f.path.endsWith('/' + rel) || f.path.endsWith('/' + base)));
    const bySuffix = candidates.filter((f) => f.path.endsWith('/' + rel) || f.path === rel);
    if (bySuffix.length === 1) file = bySuffix[0];
    else if (candidates.length === 1) file = candidates[0];
  }
  const ref: ScriptRef = { arg };
  if (!file) return ref;
  ref.file = file.path;
  if (FLASK_HINT.test(file.content)) {
    const starts = lineStarts(file.content);
    for (const m of file.content.matchAll(RUN_CALL)) {
      const receiver = m[1]!;
      if (/^(uvicorn|asyncio|subprocess|loop|web|trio|anyio|unittest|pytest|celery|socketio)$/.test(receiver)) continue;
      const offset = m.index! + m[0].indexOf(receiver);
      const p = positionAt(starts, offset);
      ref.flaskRun = { ...p, debug: /\bdebug\s*=\s*True\b/.test(m[2]!) };
      break;
    }
  }
  return ref;
}

// ---------------------------------------------------------------------------------------------
// .dockerignore and the build context
// ---------------------------------------------------------------------------------------------

/** Parses .dockerignore text into patterns (comments and blank lines dropped). */
export function parseDockerignore(text: string): DockerignorePattern[] {
  const out: DockerignorePattern[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const t = raw.trim();
    if (!t || t.startsWith('#')) return;
    const negated = t.startsWith('!');
    out.push({ pattern: negated ? t.slice(1).trim() : t, negated, line: i + 1 });
  });
  return out;
}

/**
 * A matcher with Docker's semantics on top of the `ignore` package: every .dockerignore pattern is
 * anchored at the context root (`.env` excludes only `./.env`, `**` matches any depth), later
 * patterns override earlier ones, `!` re-includes.
 */
export function dockerignoreMatcher(patterns: readonly DockerignorePattern[]): (path: string) => boolean {
  const ig = gitignore();
  for (const p of patterns) {
    let pat = p.pattern.replace(/^\.\/+/, '').replace(/^\/+/, '');
    if (!pat || pat === '.') continue;
    pat = '/' + pat;
    ig.add((p.negated ? '!' : '') + pat);
  }
  return (path: string) => {
    const rel = path.replace(/^\.\/+/, '').replace(/^\/+/, '');
    if (!rel) return false;
    try {
      return ig.ignores(rel);
    } catch {
      return false;
    }
  };
}

/**
 * The build context of a Dockerfile and the .dockerignore that applies: BuildKit's
 * `<Dockerfile>.dockerignore` beside the Dockerfile, else `.dockerignore` in the Dockerfile's
 * directory, else the nearest one in a parent directory (a `docker/Dockerfile` built with the
 * repository root as context). Without any, the Dockerfile's directory is the context.
 */
export function buildContextOf(dockerfilePath: string, files: readonly SourceFile[], contextDir?: string): BuildContext {
  const byPath = fileIndex(files);
  const dfDir = dirOf(dockerfilePath);
  const dfBase = dockerfilePath.split('/').pop()!;
  let dir = contextDir ?? dfDir;
  let ignoreFile: SourceFile | undefined = byPath.get(joinPath(dfDir, dfBase + '.dockerignore'));
  if (!ignoreFile) ignoreFile = byPath.get(joinPath(dir, '.dockerignore'));
  if (!ignoreFile && contextDir === undefined) {
    let d = dfDir;
    while (d) {
      d = dirOf(d);
      const f = byPath.get(joinPath(d, '.dockerignore'));
      if (f) {
        ignoreFile = f;
        dir = d;
        break;
      }
    }
  }
  const patterns = ignoreFile ? parseDockerignore(ignoreFile.content) : [];
  const excluded = dockerignoreMatcher(patterns);
  const inContext = files.filter((f) => under(dir, f.path) !== undefined);
  // Where a virtualenv / node_modules would sit: the project files at the context root.
  const top = inContext.map((f) => under(dir, f.path)!).filter((p) => !p.includes('/'));
  const python = top.some((p) => /^(requirements[^/]*\.txt|pyproject\.toml|Pipfile|setup\.py|setup\.cfg|[^/]+\.py)$/.test(p));
  const node = top.includes('package.json');
  const entries: ContextEntry[] = [];
  const seen = new Set<string>();
  const add = (path: string, what: ContextEntry['what'], present: boolean, probe = path, repoPath?: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    entries.push({ path, what, present, excluded: excluded(probe), repoPath });
  };
  for (const f of inContext) {
    const rel = under(dir, f.path)!;
    const kind = f.kind === 'dotenv' ? (f.environment === TEMPLATE ? undefined : 'env-file') : sensitiveFileKind(rel);
    if (kind && !(kind === 'env-file' && f.environment === TEMPLATE)) add(rel, kind, true, rel, f.path);
  }
  add('.env', 'env-file', byPath.has(joinPath(dir, '.env')), '.env', byPath.has(joinPath(dir, '.env')) ? joinPath(dir, '.env') : undefined);
  add('.git', 'git', true, '.git/HEAD');
  if (python) {
    add('venv', 'venv', false, 'venv/bin/python');
    add('.venv', 'venv', false, '.venv/bin/python');
  }
  if (node) add('node_modules', 'node_modules', false, 'node_modules/.package-lock.json');
  return {
    dir,
    dockerignore: ignoreFile ? { file: ignoreFile.path, patterns } : undefined,
    entries,
    python,
    node,
    envEvidence: envEvidenceOf(dir, inContext, files),
    atRoot: dir === '',
  };
}

/** A `.gitignore` line that keeps env files out of git: `.env`, `/.env`, `.env*`, `.env.*`, `*.env` (not only `.env.local`). */
const GITIGNORE_ENV = /^\/?(\*\*\/)?(\.env(\*|\.\*)?|\*\.env)\s*$/m;
/** Libraries that load `.env` files. */
const DOTENV_LIBRARY = /(^|["'\s/])(python-dotenv|dotenv|dotenv-rails|django-environ|environs|dotenv-flow|@next\/env|vlucas\/phpdotenv)(["'\s=<>~^!;\[]|$)/m;
const MANIFEST = /^(requirements[^/]*\.txt|pyproject\.toml|Pipfile|setup\.cfg|package\.json|Gemfile|composer\.json)$/;

/** Evidence that env files are used where the context lives (see BuildContext.envEvidence). */
function envEvidenceOf(dir: string, inContext: readonly SourceFile[], files: readonly SourceFile[]): string | undefined {
  const envFile = inContext.find((f) => f.kind === 'dotenv');
  if (envFile) return envFile.path;
  // .gitignore of the context or of a directory above it.
  for (let d: string | undefined = dir; d !== undefined; d = d === '' ? undefined : dirOf(d)) {
    const gi = files.find((f) => f.path === joinPath(d!, '.gitignore'));
    if (gi && GITIGNORE_ENV.test(gi.content)) return gi.path;
  }
  const manifest = inContext.find((f) => MANIFEST.test(f.path.split('/').pop()!) && DOTENV_LIBRARY.test(f.content));
  return manifest?.path;
}

// ---------------------------------------------------------------------------------------------
// The collector
// ---------------------------------------------------------------------------------------------

const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

function isRemote(src: string): boolean {
  return /^(https?|ftp):\/\//i.test(src) || /^git@/.test(src) || /\.git(#.*)?$/.test(src) && /^[a-z]+:\/\//i.test(src);
}

interface DocText {
  text: string;
  starts: number[];
  offset(line0: number, char0: number): number;
}

function docText(text: string): DocText {
  const starts = lineStarts(text);
  return { text, starts, offset: (l, c) => (starts[l] ?? text.length) + c };
}

/** Source text of the instruction's arguments (flags included), and where it starts. */
function argsSource(doc: DocText, ins: Instruction): { text: string; line: number; column: number } | undefined {
  const r = ins.getArgumentsRange();
  const whole = ins.getRange();
  if (!r) return undefined;
  const s = doc.offset(r.start.line, r.start.character);
  const e = doc.offset(whole.end.line, whole.end.character);
  return { text: doc.text.slice(s, e), line: r.start.line + 1, column: r.start.character + 1 };
}

/** Drops leading `--flag[=value]` words (RUN / COPY / ADD / HEALTHCHECK flags) from source text. */
function stripFlags(src: { text: string; line: number; column: number }, escape: string): { text: string; line: number; column: number; flags: string[] } {
  const flags: string[] = [];
  let i = 0;
  const t = src.text;
  let line = src.line;
  let col = src.column;
  const advance = (to: number) => {
    for (; i < to; i++) {
      if (t[i] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
  };
  for (;;) {
    let j = i;
    while (j < t.length && (t[j] === ' ' || t[j] === '\t' || (t[j] === escape && (t[j + 1] === '\n' || t[j + 1] === '\r')) || t[j] === '\n' || t[j] === '\r')) j++;
    if (t.startsWith('--', j)) {
      let k = j;
      while (k < t.length && !/\s/.test(t[k]!)) k++;
      flags.push(t.slice(j + 2, k));
      advance(k);
      continue;
    }
    advance(j);
    break;
  }
  return { text: t.slice(i), line, column: col, flags };
}

function execForm(text: string): string[] | undefined {
  const t = text.trim();
  if (!t.startsWith('[')) return undefined;
  try {
    // Dockerfile continuations inside JSON
    const parsed: unknown = JSON.parse(t.replace(/\\\r?\n/g, ' '));
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed as string[];
  } catch {
    /* not JSON: shell form */
  }
  return undefined;
}

function joinContinuations(text: string, escape: string): string {
  const esc = escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return text
    .replace(new RegExp(`${esc}\\r?\\n([ \\t]*#[^\\n]*\\n)*`, 'g'), ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function parseUser(raw: string, vars: ReadonlyMap<string, string | undefined>, loc: Loc, stage: number): DockerUser {
  const { value, unresolved } = substitute(raw.trim(), vars);
  const [user = '', group] = value.split(':');
  const isRoot = !unresolved && (user === 'root' || /^0+$/.test(user));
  return { raw: raw.trim(), user, group, isRoot, unresolved, stage, ...loc };
}

function loc0(r: { line: number; character: number }): Loc {
  return { line: r.line + 1, column: r.character + 1 };
}

/** Registers the secret parts of a value (the value of a secret-named key; a token; a URL password). */
export function registerValue(ctx: CollectContext, key: string, value: string | undefined): void {
  if (value === undefined || value === '') return;
  // `${SECRET_KEY}` names a variable; there is no value to hide (defaults are registered by the caller).
  if (value.replace(/\$\$/g, '').replace(REF, '').trim() === '') return;
  if (isSecretName(key)) ctx.registerSecret(value);
  for (const p of TOKEN_PATTERNS) {
    const m = p.re.exec(value);
    if (m) {
      ctx.registerSecret(m[0]);
      if (m[0] !== value) ctx.registerSecret(value);
    }
  }
  const pw = urlPassword(value, { anywhere: true });
  if (pw !== undefined && !isPasswordPlaceholder(pw)) {
    ctx.registerSecret(pw);
    ctx.registerSecret(value);
  }
}

function flagsOf(ins: Instruction): string[] {
  const f = (ins as unknown as { getFlags?(): import('dockerfile-ast').Flag[] }).getFlags?.() ?? [];
  return f.map((x) => (x.getValue() === null ? x.getName() : `${x.getName()}=${x.getValue()}`));
}

async function parseDockerfile(text: string): Promise<Dockerfile> {
  const { DockerfileParser } = await import('dockerfile-ast');
  return DockerfileParser.parse(text);
}

/** Structural errors Docker itself rejects (dockerfile-ast is lenient and never throws). */
function validate(df: Dockerfile): void {
  const instructions = df.getInstructions();
  if (instructions.length === 0) throw new ParseError('the Dockerfile has no instructions (Docker refuses an empty Dockerfile)', 1, 1);
  let sawFrom = false;
  for (const ins of instructions) {
    const kw = ins.getKeyword();
    const p = loc0(ins.getRange().start);
    if (!KEYWORDS.has(kw)) throw new ParseError(`unknown instruction "${ins.getInstruction()}"`, p.line, p.column);
    if (kw === 'FROM') sawFrom = true;
    else if (!sawFrom && kw !== 'ARG') throw new ParseError(`${kw} before the first FROM: only ARG may precede FROM`, p.line, p.column);
    const args = ins.getArguments();
    if (args.length === 0) throw new ParseError(`${kw} has no arguments`, p.line, p.column);
    if (kw === 'COPY' || kw === 'ADD') {
      const a = args.map((x) => x.getValue()).filter((v) => !v.startsWith('--'));
      if (a.length < 2 && !a.some((v) => v.startsWith('<<'))) throw new ParseError(`${kw} needs a source and a destination`, p.line, p.column);
    }
    if (kw === 'FROM') {
      const a = args.map((x) => x.getValue()).filter((v) => !v.startsWith('--'));
      if (a.length !== 1 && !(a.length === 3 && a[1]!.toUpperCase() === 'AS')) throw new ParseError('FROM takes an image and an optional "AS name"', p.line, p.column);
    }
  }
  if (!sawFrom) throw new ParseError('the Dockerfile has no FROM instruction', 1, 1);
}

const collector: Collector<'dockerfile'> = {
  fact: 'dockerfile',
  kinds: ['dockerfile'],
  async collect(file, ctx) {
    const df = await parseDockerfile(file.content);
    validate(df);
    const doc = docText(file.content);
    const escape = df.getEscapeCharacter();

    const stages: DockerStage[] = [];
    const globalArgs: DockerKeyValue[] = [];
    const instructions: DockerInstructionFact[] = [];
    const commands: CommandLine[] = [];
    const globalVars = new Map<string, string | undefined>();
    let cur: DockerStage | undefined;
    let stageVars = new Map<string, string | undefined>();
    let cmdSetInStage = false;

    const keyValues = (ins: Instruction, kind: 'ENV' | 'ARG', stage: number): DockerKeyValue[] => {
      const props = (ins as unknown as { getProperties(): import('dockerfile-ast').Property[] }).getProperties();
      return props.map((p) => {
        const name = p.getName();
        const value = p.getValue() ?? undefined;
        const vr = p.getValueRange();
        const refs = value !== undefined ? referencesIn(value) : [];
        return {
          instruction: kind,
          key: name,
          value,
          hasReference: refs.length > 0,
          references: refs,
          ...loc0(p.getNameRange().start),
          valueLine: vr ? vr.start.line + 1 : undefined,
          valueColumn: vr ? vr.start.character + 1 : undefined,
          stage,
        };
      });
    };

    const execOf = (ins: Instruction, kind: 'CMD' | 'ENTRYPOINT', stage: number): DockerExec => {
      const src = argsSource(doc, ins);
      const text = src?.text ?? '';
      const exec = execForm(text);
      const p = loc0(ins.getRange().start);
      if (exec) {
        const script = shellScriptOf(exec);
        return {
          instruction: kind,
          form: 'exec',
          argv: exec,
          text: exec.join(' '),
          commands: script !== undefined ? scriptCommandsAt(script, p) : [{ argv: exec, words: exec.map((value) => ({ value, ...p })), ...p }],
          stage,
          ...p,
        };
      }
      const cmds = src ? dockerShellCommands(src, escape) : [];
      return { instruction: kind, form: 'shell', argv: cmds.flatMap((c) => c.argv), text: joinContinuations(text, escape), commands: cmds, stage, ...p };
    };

    for (const ins of df.getInstructions()) {
      const kw = ins.getKeyword();
      const range = ins.getRange();
      const p = loc0(range.start);
      const stageIndex = cur ? cur.index : -1;
      if (kw !== 'FROM') {
        instructions.push({ keyword: kw, args: joinContinuations(ins.getRawArgumentsContent() ?? '', escape), ...p, endLine: range.end.line + 1, stage: stageIndex });
      }
      if (kw === 'FROM') {
        const from = ins as import('dockerfile-ast').From;
        if (cur) cur.endLine = p.line - 1;
        const raw = from.getImage() ?? '';
        const imgRange = from.getImageRange();
        const { value: resolved, unresolved } = substitute(raw, globalVars);
        const parsed = parseImage(resolved);
        const lower = resolved.toLowerCase();
        const parentIdx = stages.findIndex((s) => s.name !== undefined && s.name.toLowerCase() === lower);
        const image: ImageRef = {
          raw,
          resolved,
          name: parsed.name,
          tag: parsed.tag,
          digest: parsed.digest,
          unresolved,
          scratch: lower === 'scratch',
          stage: parentIdx >= 0 ? parentIdx : undefined,
          ...(imgRange ? loc0(imgRange.start) : p),
        };
        const platform = from.getPlatformFlag()?.getValue() ?? undefined;
        const parent = parentIdx >= 0 ? stages[parentIdx] : undefined;
        const index = stages.length;
        cur = {
          index,
          name: from.getBuildStage() ?? undefined,
          image,
          platform,
          ...p,
          endLine: p.line,
          parent: parent?.index,
          users: [],
          env: [],
          args: [],
          copies: [],
          runs: [],
          cmds: [],
          entrypoints: [],
          healthchecks: [],
          expose: [],
          effective: {
            user: parent?.effective.user,
            cmd: parent?.effective.cmd,
            entrypoint: parent?.effective.entrypoint,
            healthcheck: parent?.effective.healthcheck,
            env: parent ? [...parent.effective.env] : [],
            workdir: parent?.effective.workdir,
            commands: [],
            chain: parent ? [parent.index, ...parent.effective.chain] : [],
          },
        };
        if (cur.name && isDevelopmentStageName(cur.name)) cur.development = true;
        stages.push(cur);
        instructions.push({ keyword: kw, args: joinContinuations(ins.getRawArgumentsContent() ?? '', escape), ...p, endLine: range.end.line + 1, stage: index });
        stageVars = new Map();
        if (parent) for (const e of parent.effective.env) stageVars.set(e.key, e.value);
        cmdSetInStage = false;
        continue;
      }
      if (!cur) {
        if (kw === 'ARG') {
          for (const kv of keyValues(ins, 'ARG', -1)) {
            globalArgs.push(kv);
            globalVars.set(kv.key, kv.value === undefined ? undefined : substitute(kv.value, globalVars).value);
            registerValue(ctx, kv.key, kv.value);
          }
        }
        continue;
      }
      const stage = cur;
      switch (kw) {
        case 'ARG': {
          for (const kv of keyValues(ins, 'ARG', stage.index)) {
            stage.args.push(kv);
            // A global ARG redeclared without a value takes its global default.
            const v = kv.value !== undefined ? substitute(kv.value, stageVars).value : globalVars.get(kv.key);
            if (!stageVars.has(kv.key) || kv.value !== undefined) stageVars.set(kv.key, v);
            registerValue(ctx, kv.key, kv.value);
          }
          break;
        }
        case 'ENV': {
          for (const kv of keyValues(ins, 'ENV', stage.index)) {
            stage.env.push(kv);
            stage.effective.env = stage.effective.env.filter((e) => e.key !== kv.key);
            stage.effective.env.push(kv);
            stageVars.set(kv.key, kv.value === undefined ? undefined : substitute(kv.value, stageVars).value);
            registerValue(ctx, kv.key, kv.value);
          }
          break;
        }
        case 'USER': {
          const u = parseUser(ins.getRawArgumentsContent() ?? '', stageVars, p, stage.index);
          stage.users.push(u);
          stage.effective.user = u;
          break;
        }
        case 'WORKDIR': {
          const w = substitute((ins.getArgumentsContent() ?? '').trim(), stageVars).value;
          stage.effective.workdir = w.startsWith('/') ? w : joinPath(stage.effective.workdir ?? '/', w).replace(/^/, '/');
          break;
        }
        case 'CMD': {
          const e = execOf(ins, 'CMD', stage.index);
          stage.cmds.push(e);
          stage.effective.cmd = e;
          cmdSetInStage = true;
          break;
        }
        case 'ENTRYPOINT': {
          const e = execOf(ins, 'ENTRYPOINT', stage.index);
          stage.entrypoints.push(e);
          stage.effective.entrypoint = e;
          // Setting ENTRYPOINT resets a CMD inherited from the parent image / stage.
          if (!cmdSetInStage) stage.effective.cmd = undefined;
          break;
        }
        case 'HEALTHCHECK': {
          const args = ins.getArguments().map((a) => a.getValue());
          const none = args.length === 1 && args[0]!.toUpperCase() === 'NONE';
          const src = argsSource(doc, ins);
          let test: string | undefined;
          if (!none && src) {
            const s = stripFlags(src, escape);
            test = joinContinuations(s.text, escape).replace(/^CMD\s+/i, '');
          }
          const h: DockerHealthcheck = { none, test, stage: stage.index, ...p };
          stage.healthchecks.push(h);
          stage.effective.healthcheck = h;
          break;
        }
        case 'EXPOSE': {
          for (const a of ins.getArguments()) {
            const [port = '', protocol] = substitute(a.getValue(), stageVars).value.split('/');
            stage.expose.push({ port, protocol, ...loc0(a.getRange().start) });
          }
          break;
        }
        case 'RUN': {
          const src = argsSource(doc, ins);
          if (!src) break;
          const s = stripFlags(src, escape);
          const exec = execForm(s.text);
          let cmds: ShellCommand[];
          if (exec) {
            const script = shellScriptOf(exec);
            cmds = script !== undefined ? scriptCommandsAt(script, p) : [{ argv: exec, words: exec.map((value) => ({ value, ...p })), ...p }];
          } else {
            cmds = dockerShellCommands(s, escape);
          }
          const text = exec ? exec.join(' ') : joinContinuations(s.text, escape);
          const flags = [...flagsOf(ins), ...s.flags];
          const run: DockerRun = { text, form: exec ? 'exec' : 'shell', flags, commands: cmds, stage: stage.index, ...p, endLine: range.end.line + 1 };
          stage.runs.push(run);
          commands.push({ text, argv: exec ?? (cmds.length === 1 ? cmds[0]!.argv : undefined), source: 'dockerfile-run', file: file.path, ...p });
          break;
        }
        case 'COPY':
        case 'ADD': {
          const flagList = (ins as unknown as { getFlags(): import('dockerfile-ast').Flag[] }).getFlags();
          const flag = (name: string) => flagList.find((f) => f.getName().toLowerCase() === name)?.getValue() ?? undefined;
          const src = argsSource(doc, ins);
          const s = src ? stripFlags(src, escape) : undefined;
          const heredoc = !!s && /^<<-?\s*["']?[A-Za-z0-9_]/.test(s.text.trim());
          let paths: ShellWord[] = [];
          if (s && !heredoc) {
            const exec = execForm(s.text);
            if (exec) paths = exec.map((value) => ({ value, ...p }));
            else paths = dockerShellCommands(s, escape).flatMap((c) => c.words);
          }
          const from = flag('from');
          const fromIdx = from === undefined ? -1 : stages.findIndex((st) => (st.name !== undefined && st.name.toLowerCase() === from.toLowerCase()) || String(st.index) === from);
          const sources = paths.slice(0, -1).map((w) => ({ value: w.value, line: w.line, column: w.column, remote: isRemote(w.value) }));
          stage.copies.push({
            instruction: kw,
            sources,
            destination: paths.length > 1 ? paths[paths.length - 1]!.value : undefined,
            from,
            fromStage: fromIdx >= 0 && fromIdx < stage.index ? fromIdx : undefined,
            chown: flag('chown'),
            chmod: flag('chmod'),
            checksum: flag('checksum'),
            heredoc,
            stage: stage.index,
            ...p,
          });
          break;
        }
        default:
          break;
      }
    }
    if (cur) cur.endLine = doc.starts.length;

    // What each stage's container runs: ENTRYPOINT + CMD as Docker combines them.
    for (const st of stages) {
      const { entrypoint: ep, cmd } = st.effective;
      if (ep) {
        if (ep.form === 'shell') {
          st.effective.argv = ['/bin/sh', '-c', ep.text];
          st.effective.commands = ep.commands;
        } else {
          const tail: ShellWord[] = cmd ? (cmd.form === 'exec' ? cmd.argv : ['/bin/sh', '-c', cmd.text]).map((value) => ({ value, line: cmd.line, column: cmd.column })) : [];
          const words: ShellWord[] = [...ep.argv.map((value) => ({ value, line: ep.line, column: ep.column })), ...tail];
          st.effective.argv = words.map((w) => w.value);
          if (shellScriptOf(ep.argv) !== undefined) st.effective.commands = ep.commands;
          else {
            // The wrapper + its arguments as one command, and CMD's own commands (an entrypoint
            // script usually ends with `exec "$@"`).
            st.effective.commands = [{ argv: st.effective.argv, words, line: words[0]?.line ?? ep.line, column: words[0]?.column ?? ep.column }];
            if (cmd) st.effective.commands.push(...cmd.commands);
          }
        }
      } else if (cmd) {
        st.effective.argv = cmd.form === 'exec' ? cmd.argv : ['/bin/sh', '-c', cmd.text];
        st.effective.commands = cmd.commands;
      }
    }

    const final = stages.length - 1;
    const last = stages[final]!;
    if (last.effective.cmd) commands.push({ text: last.effective.cmd.text, argv: last.effective.cmd.form === 'exec' ? last.effective.cmd.argv : last.effective.cmd.commands.length === 1 ? last.effective.cmd.commands[0]!.argv : undefined, source: 'dockerfile-cmd', file: file.path, line: last.effective.cmd.line, column: last.effective.cmd.column });
    // One entry per instruction line. ENTRYPOINT is what the container runs: with an exec-form CMD,
    // its arguments are CMD's (`ENTRYPOINT ["python3"]` + `CMD ["app.py"]` runs `python3 app.py`), so
    // the ENTRYPOINT entry carries the two together; the CMD entry keeps CMD's own command, which is
    // what a wrapper ending in `exec "$@"` runs.
    const { entrypoint: lep, cmd: lcmd } = last.effective;
    if (lep) {
      const combined = lcmd && lep.form === 'exec' && lcmd.form === 'exec' && last.effective.argv ? last.effective.argv : undefined;
      const argv = combined ?? (lep.form === 'exec' ? lep.argv : lep.commands.length === 1 ? lep.commands[0]!.argv : undefined);
      commands.push({ text: combined ? combined.join(' ') : lep.text, argv, source: 'dockerfile-entrypoint', file: file.path, line: lep.line, column: lep.column });
    }
    commands.sort((a, b) => a.line - b.line);

    const context = buildContextOf(file.path, ctx.files);

    // Local scripts each stage's command runs (`python app.py`): compose may deploy any stage (`target:`).
    const scripts: ScriptRef[] = [];
    for (const st of stages) {
      for (const c of st.effective.commands) {
        const words = commandWords(c.argv);
        if (!words.length || !/^(python[0-9.]*|\/usr\/(local\/)?bin\/python[0-9.]*)$/.test(words[0]!)) continue;
        const script = words.slice(1).find((w) => !w.startsWith('-'));
        if (!script || !/\.py$/.test(script) || words.includes('-m')) continue;
        const ref = lookupScript(script, context.dir, ctx.files, st.effective.workdir);
        if (!scripts.some((x) => x.arg === ref.arg && x.file === ref.file)) scripts.push(ref);
      }
    }
    // package.json scripts they run (`npm start` → `"start": "nodemon server.js"`), from the build context.
    const npmScripts = npmScriptsRun(stages.flatMap((st) => st.effective.commands.map((c) => c.argv)), context.dir, ctx.files);

    // The final image's ENV (runtime), and every stage's ARG (build time only: `npm run build` reads VITE_* …).
    const provides: ProvidedVar[] = last.effective.env.map((e) => ({
      name: e.key,
      value: e.hasReference ? undefined : e.value,
      mechanism: 'ENV',
      viaSecretStore: false,
      file: file.path,
      line: e.line,
      column: e.column,
    }));
    const seenArgs = new Set<string>();
    for (const a of stages.flatMap((st) => st.args)) {
      if (seenArgs.has(a.key)) continue;
      seenArgs.add(a.key);
      const global = globalArgs.find((g) => g.key === a.key);
      const value = a.value ?? global?.value;
      const ref = a.value !== undefined ? a.hasReference : global?.hasReference;
      provides.push({ name: a.key, value: ref ? undefined : value, mechanism: 'ARG', viaSecretStore: false, file: file.path, line: a.line, column: a.column });
    }

    const fact: DockerfileFact = {
      file: file.path,
      environment: file.environment,
      stages,
      final,
      globalArgs,
      instructions,
      commands,
      context,
      scripts,
      ...(npmScripts.length ? { npmScripts } : {}),
      provides,
      // BuildKit secret mounts (RUN --mount=type=secret) and runtime secrets exist for every image.
      hasSecretMechanism: true,
    };
    return fact;
  },
};

export default collector;
