/**
 * Command lines (Procfile, Dockerfile CMD, compose command, systemd ExecStart), split by the one
 * shell tokenizer (src/lib/shell.ts): finding the invocations of Python servers in them (gunicorn, uvicorn, flask run,
 * python app.py). Shared by the procfile collector and the deployment derivers (facts/deployments.ts).
 */
import type { CommandLine } from './common.js';
import { isOperatorWord, shellWords, unwrapCommand } from '../lib/shell.js';


export type ServerKind = 'gunicorn' | 'uvicorn' | 'flask-run' | 'python-script' | 'python-module' | 'fastapi-dev' | 'fastapi-run' | 'django-runserver' | 'hypercorn' | 'waitress' | 'daphne';

/** One program invocation inside a command line. */
export interface Invocation {
  kind: ServerKind;
  /** Arguments after the program (for python-script: after the script path; python-module: after the module). */
  args: string[];
  /** The script path (python-script) or module (python-module). */
  target?: string;
  /** The whole command line it came from. */
  command: CommandLine;
}

/** The words of a command line, recovering a `sh -c "…"` body. */
function wordsOf(cmd: CommandLine): string[] {
  const words = cmd.argv && cmd.argv.length ? [...cmd.argv] : shellWords(cmd.text);
  // sh -c "gunicorn …" / bash -lc '…'
  for (let i = 0; i < words.length - 2; i++) {
    if (/(^|\/)(ba|da|z)?sh$/.test(words[i]!) && /^-\w*c\w*$/.test(words[i + 1]!)) {
      return [...words.slice(0, i), ...shellWords(words[i + 2]!), ...words.slice(i + 3)];
    }
  }
  // exec-form arrays that hold a single shell string: ["gunicorn -w 4 app:app"]
  if (cmd.argv && words.length === 1 && /\s/.test(words[0]!)) return shellWords(words[0]!);
  return words;
}

function base(word: string): string {
  return word.split('/').pop() ?? word;
}

/** Finds Python server invocations in a command line. */
export function invocations(cmd: CommandLine): Invocation[] {
  const words = wordsOf(cmd);
  const out: Invocation[] = [];
  let seg: string[] = [];
  const flush = () => {
    const inv = classify(seg, cmd);
    if (inv) out.push(inv);
    seg = [];
  };
  for (const w of words) {
    if (isOperatorWord(w)) flush();
    else seg.push(w);
  }
  flush();
  return out;
}

function classify(seg: string[], cmd: CommandLine): Invocation | undefined {
  // Leading VAR=value assignments, wrappers and runners (exec, env, gosu user, poetry run …).
  const i = unwrapCommand(seg).offset;
  if (seg[i] === undefined) return undefined;
  const prog = base(seg[i]!);
  const rest = seg.slice(i + 1);
  const simple: Record<string, ServerKind> = { gunicorn: 'gunicorn', uvicorn: 'uvicorn', hypercorn: 'hypercorn', 'waitress-serve': 'waitress', daphne: 'daphne' };
  if (simple[prog]) return { kind: simple[prog]!, args: rest, command: cmd };
  if (prog === 'flask') {
    const runAt = rest.indexOf('run');
    if (runAt >= 0) return { kind: 'flask-run', args: rest.slice(runAt + 1), command: cmd };
    return undefined;
  }
  if (prog === 'fastapi') {
    if (rest[0] === 'dev') return { kind: 'fastapi-dev', args: rest.slice(1), command: cmd };
    if (rest[0] === 'run') return { kind: 'fastapi-run', args: rest.slice(1), command: cmd };
    return undefined;
  }
  if (/^python(\d(\.\d+)?)?$/.test(prog)) {
    let j = 0;
    while (j < rest.length && rest[j]!.startsWith('-') && rest[j] !== '-m' && rest[j] !== '-c') j++;
    if (rest[j] === '-m') {
      const mod = rest[j + 1];
      if (!mod) return undefined;
      const args = rest.slice(j + 2);
      if (mod === 'gunicorn' || mod === 'uvicorn' || mod === 'hypercorn' || mod === 'daphne') return { kind: mod, args, command: cmd };
      if (mod === 'flask') {
        const runAt = args.indexOf('run');
        return runAt >= 0 ? { kind: 'flask-run', args: args.slice(runAt + 1), command: cmd } : undefined;
      }
      if (mod === 'waitress') return { kind: 'waitress', args, command: cmd };
      return { kind: 'python-module', target: mod, args, command: cmd };
    }
    const script = rest[j];
    if (!script || rest[j] === '-c') return undefined;
    if (base(script) === 'manage.py') {
      if (rest[j + 1] === 'runserver' || rest[j + 1] === 'runserver_plus') return { kind: 'django-runserver', target: script, args: rest.slice(j + 2), command: cmd };
      return undefined;
    }
    if (script.endsWith('.py')) return { kind: 'python-script', target: script, args: rest.slice(j + 1), command: cmd };
    return undefined;
  }
  if (prog === 'manage.py' || prog.endsWith('/manage.py')) {
    if (rest[0] === 'runserver') return { kind: 'django-runserver', target: seg[i]!, args: rest.slice(1), command: cmd };
  }
  if (prog.endsWith('.py') && seg[i]!.startsWith('./')) return { kind: 'python-script', target: seg[i]!, args: rest, command: cmd };
  return undefined;
}

/**
 * Option values from arguments: `--workers 4`, `--workers=4`, `-w4`, `-w 4`. `names` lists the
 * spellings (long ones with `--`, short ones with `-`); flags (no value) return ''.
 */
export function optionValue(args: string[], names: string[], flag = false): { value: string; index: number } | undefined {
  let found: { value: string; index: number } | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    for (const n of names) {
      if (a === n) {
        found = flag ? { value: '', index: i } : args[i + 1] !== undefined ? { value: args[i + 1]!, index: i } : undefined;
      } else if (n.startsWith('--') && a.startsWith(n + '=')) {
        found = { value: a.slice(n.length + 1), index: i };
      } else if (!flag && /^-[A-Za-z]$/.test(n) && a.startsWith(n) && a.length > 2 && !a.startsWith('--')) {
        found = { value: a.slice(2), index: i };
      }
    }
  }
  return found;
}

function stripPrefix(p: string): string {
  return p.replace(/^\.\//, '').replace(/^\/+/, '');
}

/** Does this invocation run the Python file `file` (repository-relative) directly? */
export function runsFile(inv: Invocation, file: string): boolean {
  const f = file.toLowerCase();
  if (inv.kind === 'python-script' && inv.target) {
    const t = stripPrefix(inv.target.toLowerCase());
    if (base(t) !== base(f)) return false;
    return !t.includes('/') || !f.includes('/') || f.endsWith(t) || t.endsWith(f) || t.endsWith('/' + f.split('/').slice(-2).join('/'));
  }
  if (inv.kind === 'python-module' && inv.target) {
    const m = inv.target.toLowerCase().replace(/\./g, '/');
    return f === `${m}.py` || f.endsWith(`/${m}.py`) || f === `${m}/__main__.py` || f.endsWith(`/${m}/__main__.py`);
  }
  return false;
}

/**
 * Is the file an entry point of the deployment? `runs`: a deploy command starts it directly
 * (`python app.py`); `other`: the deployment is known to start something else (gunicorn, uvicorn,
 * another script); `unknown`: no deploy command says.
 */
export function entryStatus(commands: readonly (CommandLine & { invocations?: readonly Invocation[] })[], file: string): { status: 'runs' | 'other' | 'unknown'; invocation?: Invocation } {
  let knownOther = false;
  for (const c of commands) {
    for (const inv of c.invocations ?? invocations(c)) {
      if (runsFile(inv, file)) return { status: 'runs', invocation: inv };
      knownOther = true;
    }
  }
  return { status: knownOther ? 'other' : 'unknown' };
}

/**
 * Command lines whose dev-server / reload problems this domain reports itself. Dockerfile, compose
 * and systemd commands are reported by docker/dev-server, compose/dev-server and systemd/dev-server;
 * Procfiles have no other owner. (All sources still count as evidence: entry points, gunicorn settings.)
 */
export function reportsCommand(cmd: CommandLine): boolean {
  return cmd.source === 'procfile';
}

/**
 * Commands that run a script whose `app.run()` docker/dev-server or compose/dev-server already
 * reports (they follow `python app.py` to the call and name it, debugger included): the Python rules
 * do not report the same call again for them.
 */
export function ownedElsewhere(cmd: Pick<CommandLine, 'source'>): boolean {
  return cmd.source.startsWith('dockerfile') || cmd.source.startsWith('compose');
}
