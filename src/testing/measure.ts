/**
 * Runs the real CLI in a child process with a memory ceiling and a wall-clock limit, and measures
 * what it used: elapsed time and peak resident memory. The hostile-input suite uses it to prove that
 * a case ends in bounded time and memory; `scripts/bench-hostile.mjs` prints the numbers.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO } from './cli.js';

export interface Measured {
  /** Exit code (-1 when killed). */
  code: number;
  /** Signal that ended the child, if any (e.g. SIGKILL after the time limit). */
  signal?: string;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds. */
  ms: number;
  /** Peak resident set size of the child in MiB (undefined when it died before reporting). */
  maxRssMiB?: number;
  /** The child was killed at the time limit. */
  timedOut: boolean;
}

export interface MeasureOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Wall-clock limit (default 60 s): the child is killed after it. */
  timeoutMs?: number;
  /** V8 heap ceiling in MiB (default 1024): a case that needs more dies instead of swapping the machine. */
  maxHeapMiB?: number;
  /** Standard input (default: empty). */
  input?: string;
  /** Run as an unprivileged user (nobody) when the tests run as root, so that permissions bite. */
  unprivileged?: boolean;
}

/** uid / gid of `nobody` when running as root (permission tests), else nothing. */
export function unprivilegedIds(): { uid: number; gid: number } | undefined {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
}

/** The runner: imports the CLI's main(), runs it, then writes its exit code and resource usage to a file. */
const RUNNER = `
import { writeFileSync } from 'node:fs';
const [mainUrl, out, ...args] = process.argv.slice(1);
const { main } = await import(mainUrl);
const code = await main(args);
writeFileSync(out, JSON.stringify({ code, maxRssKiB: process.resourceUsage().maxRSS }));
process.exitCode = code;
`;

/** Runs `honban ARGS` and measures it. */
export function measureCli(args: string[], opts: MeasureOptions = {}): Promise<Measured> {
  const work = mkdtempSync(path.join(tmpdir(), 'honban-measure-'));
  if (opts.unprivileged) chmodSync(work, 0o777);
  const out = path.join(work, 'usage.json');
  const mainUrl = new URL(`file://${path.join(REPO, 'dist', 'cli', 'main.js')}`).href;
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '', FORCE_COLOR: '', ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${opts.maxHeapMiB ?? 1024}`, '--input-type=module', '-e', RUNNER, mainUrl, out, ...args], {
      cwd: opts.cwd ?? REPO,
      env: env as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(opts.unprivileged ? unprivilegedIds() : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < 4 * 1024 * 1024) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < 4 * 1024 * 1024) stderr += d;
    });
    child.stdin.end(opts.input ?? '');
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let maxRssMiB: number | undefined;
      try {
        const u = JSON.parse(readFileSync(out, 'utf8')) as { maxRssKiB: number };
        maxRssMiB = Math.round((u.maxRssKiB / 1024) * 10) / 10;
      } catch {
        maxRssMiB = undefined;
      }
      rmSync(work, { recursive: true, force: true });
      resolve({ code: code ?? -1, ...(signal ? { signal } : {}), stdout, stderr, ms: Math.round(ms), maxRssMiB, timedOut });
    });
  });
}

/** One line for test output and the benchmark: `name: 812 ms, 96.1 MiB, exit 2`. */
export function describeMeasured(name: string, m: Measured): string {
  return `${name}: ${m.ms} ms, ${m.maxRssMiB ?? '?'} MiB peak RSS, exit ${m.code}${m.timedOut ? ' (killed at the time limit)' : ''}${m.signal ? ` (${m.signal})` : ''}`;
}

/**
 * CPU milliseconds (user + system) that `fn` took in this process. In-process linear-time checks use
 * it instead of the wall clock, so a busy machine (waiting for a core) does not fail them; a
 * quadratic or exponential path still burns CPU and does.
 */
export function cpuMs(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
