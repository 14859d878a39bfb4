/**
 * The pool of collection workers: parses and extracts files in `jobs` worker threads and holds every
 * file to a time budget.
 *
 * - File-scoped collectors get one task per file (the file and its `context`); a project-scoped
 *   collector gets one task for all its files, run in order in one worker that holds every file.
 * - A worker says which file it starts; when one file runs over its budget (or the worker dies:
 *   out of memory, a crash in a parser), the worker is ended, the file gets an error entry naming it
 *   and the budget, a fresh worker takes the remaining tasks, and the scan goes on.
 * - Results are keyed by collector and path; the engine merges them in file order, so the outcome
 *   does not depend on which worker finished first.
 *
 * The budget is wall time, stretched by the machine's load (load average ÷ cores, when above 1) so
 * that a busy CI runner does not turn slow-but-fine files into errors; a file that never ends is
 * still ended.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReportError, SourceFile } from '../contracts/types.js';
import type { FileResult } from './run-collector.js';

export type ToWorker =
  | { type: 'init'; environment: string; customEnvs: string[]; exhaustive: boolean }
  | { type: 'table'; files: (SourceFile | TableFile)[] }
  | { type: 'file'; seq: number; file: SourceFile | TableFile; jobs: FileJob[] }
  | { type: 'project'; seq: number; name: string; paths: string[]; exclude: string[] };

export type ToMain =
  | { type: 'start'; seq: number; name: string; path: string }
  | { type: 'result'; seq: number; name: string; path: string; result: FileResult }
  | { type: 'done'; seq: number }
  | { type: 'fatal'; message: string };

/** One collector to run on a file, with its context. */
export interface FileJob {
  name: string;
  context?: unknown;
}

/** A file and the collectors to run on it (in order): the worker reads it once. */
export interface FileTask {
  kind: 'file';
  file: SourceFile;
  jobs: FileJob[];
}

export interface ProjectTask {
  kind: 'project';
  name: string;
  /** The collector's files, in order. */
  paths: string[];
  /** Files that overran the budget in an earlier attempt: left out of `ctx.files`. */
  exclude: string[];
  attempts: number;
}

export type Task = FileTask | ProjectTask;

export interface PoolOptions {
  /** Worker threads (default: the number of cores). */
  jobs?: number;
  /** Budget per file, milliseconds. */
  budgetMs: number;
  environment: string;
  customEnvs: string[];
  /** Parse every file (CollectContext.exhaustive). */
  exhaustive?: boolean;
  /** Every discovered file, for project-scoped collectors (sent only to the workers that run one). */
  table: readonly SourceFile[];
}

/**
 * A file as a worker gets it: a file on disk without its text (the worker reads it; for the project
 * worker's table, only if a collector asks: most files of a tree are never read by a project
 * collector, and a copy of every text doubled the memory of a scan); an in-memory file with it.
 */
function wireFile(f: SourceFile): SourceFile | TableFile {
  if (!f.absPath) return f;
  return { path: f.path, absPath: f.absPath, kind: f.kind, environment: f.environment, gitIgnored: f.gitIgnored, gitTracked: f.gitTracked, mode: f.mode, hash: f.hash, size: f.size, unread: true };
}

/** Bytes of a file, without reading it when discovery knows them. */
function sizeOf(f: SourceFile): number {
  return f.size ?? f.content.length;
}

/** A file of the table sent without its text. */
export type TableFile = Omit<SourceFile, 'content'> & { absPath: string; unread: true };

/** Default `--jobs`: the cores this process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Key of a collector's result for a file. */
export const resultKey = (name: string, path: string) => `${name}\0${path}`;

/** How many times a project collector is restarted after files of it overran the budget. */
const PROJECT_ATTEMPTS = 3;
/** Heap limit of one worker: a memory bomb ends that worker (an error entry), not the scan. */
const WORKER_HEAP_MB = 1024;
/**
 * Young generation of one worker: V8's default lets it grow to tens of megabytes per thread, which
 * a worker's short-lived objects (one file's tree at a time) do not need — 8 MB cut the peak memory
 * of a 8,000-file scan by ~45 MB with two workers, at no measurable cost in time.
 */
const WORKER_YOUNG_MB = 8;

interface Slot {
  worker: Worker;
  /** Tasks sent and not yet done, oldest first. */
  inFlight: { seq: number; task: Task }[];
  /** The collector and file the worker works on, and since when. */
  current?: { seq: number; name: string; path: string; since: number };
  hasTable: boolean;
  /** Paths of the in-flight project task already answered. */
  answered: Set<string>;
  dead: boolean;
  /** It started at least one file (a worker that dies before that could not start at all). */
  startedAny: boolean;
}

export interface PoolOutcome {
  results: Map<string, FileResult>;
  /** Errors not tied to one collector's result (budget overruns, crashed workers). */
  errors: Map<string, ReportError>;
  stats: { workers: number; tasks: number; timeouts: number };
}

export function lookupResult(outcome: PoolOutcome, name: string, path: string): FileResult | undefined {
  return outcome.results.get(resultKey(name, path));
}
export function lookupError(outcome: PoolOutcome, name: string, path: string): ReportError | undefined {
  return outcome.errors.get(resultKey(name, path));
}

/** Runs `tasks` in worker threads; resolves when every file has a result or an error. */
export function runPool(tasks: Task[], opts: PoolOptions): Promise<PoolOutcome> {
  const results = new Map<string, FileResult>();
  const errors = new Map<string, ReportError>();
  const stats = { workers: 0, tasks: tasks.length, timeouts: 0 };
  if (tasks.length === 0) return Promise.resolve({ results, errors, stats });

  // Project tasks first (one worker works through a whole project), then the largest files first
  // (the slowest finish early, so no worker idles at the end).
  const queue: Task[] = [
    ...tasks.filter((t): t is ProjectTask => t.kind === 'project'),
    ...tasks.filter((t): t is FileTask => t.kind === 'file').sort((a, b) => sizeOf(b.file) - sizeOf(a.file)),
  ];
  const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(), queue.length));
  const slots: Slot[] = [];
  let seq = 0;
  let pending = queue.length;
  let stillborn = 0;
  const cores = Math.max(1, availableParallelism());

  return new Promise<PoolOutcome>((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearInterval(sweep);
      for (const s of slots) if (!s.dead) void s.worker.terminate();
      resolve({ results, errors, stats });
    };

    const budgetNow = () => opts.budgetMs * Math.max(1, loadavg()[0]! / cores);

    const spawn = (): Slot => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
        stdout: false,
        stderr: false,
      });
      stats.workers++;
      const slot: Slot = { worker, inFlight: [], hasTable: false, answered: new Set(), dead: false, startedAny: false };
      worker.postMessage({ type: 'init', environment: opts.environment, customEnvs: opts.customEnvs, exhaustive: opts.exhaustive ?? false } satisfies ToWorker);
      worker.on('message', (m: ToMain) => onMessage(slot, m));
      // A message this thread cannot read (should not happen: results are depth-checked): the file it was about is lost.
      worker.on('messageerror', (e) => fail(slot, `its result could not be read: ${e.message}`));
      worker.on('error', (e) => fail(slot, `the worker stopped: ${e.message}`));
      worker.on('exit', (code) => {
        if (!slot.dead && !finished) fail(slot, `the worker exited (code ${code})`);
      });
      slots.push(slot);
      return slot;
    };

    /**
     * The one worker that runs project tasks: only it receives the table of every file (each worker
     * holding a copy of the whole tree would multiply the memory by the number of workers).
     */
    let projectSlot: Slot | undefined;
    const feed = (slot: Slot) => {
      // Two tasks in flight: the next file is there when the current one ends.
      while (!slot.dead && slot.inFlight.length < 2 && queue.length) {
        if (projectSlot?.dead) projectSlot = undefined;
        let at = 0;
        if (queue[0]!.kind === 'project' && projectSlot && projectSlot !== slot) {
          // Another worker runs the projects: this one takes the next file task, if any.
          at = queue.findIndex((t) => t.kind === 'file');
          if (at < 0) break;
        }
        const task = queue[at]!;
        if (task.kind === 'project' && slot.inFlight.length) break; // a project task runs alone
        queue.splice(at, 1);
        if (task.kind === 'project') projectSlot = slot;
        const s = ++seq;
        slot.inFlight.push({ seq: s, task });
        if (task.kind === 'file') {
          slot.worker.postMessage({ type: 'file', seq: s, file: wireFile(task.file), jobs: task.jobs } satisfies ToWorker);
        } else {
          if (!slot.hasTable) {
            slot.worker.postMessage({ type: 'table', files: opts.table.map(wireFile) } satisfies ToWorker);
            slot.hasTable = true;
          }
          slot.answered = new Set();
          slot.worker.postMessage({ type: 'project', seq: s, name: task.name, paths: task.paths, exclude: task.exclude } satisfies ToWorker);
          break;
        }
      }
    };

    const onMessage = (slot: Slot, m: ToMain) => {
      if (slot.dead) return;
      switch (m.type) {
        case 'start':
          slot.current = { seq: m.seq, name: m.name, path: m.path, since: Date.now() };
          slot.startedAny = true;
          stillborn = 0;
          return;
        case 'result': {
          const f = slot.inFlight.find((x) => x.seq === m.seq);
          if (!f) return;
          results.set(resultKey(m.name, m.path), m.result);
          // Between two collectors of a task (loading the next one is start-up, not the file's parse) nothing is timed.
          if (slot.current?.seq === m.seq && slot.current.name === m.name && slot.current.path === m.path) slot.current = undefined;
          if (f.task.kind === 'project') slot.answered.add(m.path);
          return;
        }
        case 'done': {
          const i = slot.inFlight.findIndex((x) => x.seq === m.seq);
          if (i >= 0) slot.inFlight.splice(i, 1);
          if (slot.current?.seq === m.seq) slot.current = undefined;
          pending--;
          if (pending === 0) return finish();
          feed(slot);
          return;
        }
        case 'fatal':
          fail(slot, m.message.split('\n')[0] ?? 'worker failure');
          return;
      }
    };

    /** Ends a worker; the file it was on gets `message`, its other tasks go back to the queue. */
    const fail = (slot: Slot, message: string, timedOut = false) => {
      if (slot.dead || finished) return;
      slot.dead = true;
      void slot.worker.terminate();
      if (!slot.startedAny && ++stillborn >= 3) {
        // Workers cannot start at all (a broken installation): every file gets the reason, once.
        for (const t of [...slot.inFlight.map((x) => x.task), ...queue]) {
          const pairs = t.kind === 'file' ? t.jobs.map((j) => [j.name, t.file.path] as const) : t.paths.map((p) => [t.name, p] as const);
          for (const [name, p] of pairs) errors.set(resultKey(name, p), { kind: 'collector', file: p, message: `${name}: not analysed: cannot start a worker thread: ${message}` });
        }
        queue.length = 0;
        slot.inFlight = [];
        return finish();
      }
      const cur = slot.current;
      for (const { seq: s, task } of slot.inFlight) {
        if (task.kind === 'file') {
          // The collector it was on gets the entry; the file's other collectors not yet answered run again.
          const answered = (name: string) => results.has(resultKey(name, task.file.path));
          const blamed = cur && cur.seq === s && !answered(cur.name) ? cur.name : undefined;
          if (blamed) errors.set(resultKey(blamed, task.file.path), overrun(blamed, task.file.path, message, timedOut));
          const rest = task.jobs.filter((j) => j.name !== blamed && !answered(j.name));
          if (rest.length) queue.unshift({ ...task, jobs: rest });
          else pending--;
          continue;
        }
        // A project task: the file it was on is left out, the rest starts again (a few times).
        const blamed = cur && cur.seq === s ? cur.path : undefined;
        const rest = task.paths.filter((p) => !slot.answered.has(p) && p !== blamed);
        if (blamed) errors.set(resultKey(task.name, blamed), overrun(task.name, blamed, message, timedOut));
        if (rest.length && task.attempts + 1 < PROJECT_ATTEMPTS) {
          queue.unshift({ ...task, paths: rest, exclude: blamed ? [...task.exclude, blamed] : task.exclude, attempts: task.attempts + 1 });
        } else {
          for (const p of rest) errors.set(resultKey(task.name, p), { kind: 'collector', file: p, message: `${task.name}: not analysed: the collector ran over its time budget on other files of the project ${PROJECT_ATTEMPTS} times` });
          pending--;
        }
      }
      slot.inFlight = [];
      slots.splice(slots.indexOf(slot), 1);
      if (pending === 0) return finish();
      if (queue.length) feed(spawn());
    };

    const overrun = (name: string, path: string, message: string, timedOut: boolean): ReportError =>
      timedOut
        ? { kind: 'collector', file: path, message: `${name}: not analysed: parsing and extraction took longer than the ${formatMs(opts.budgetMs)} budget per file (--file-timeout)` }
        : { kind: 'collector', file: path, message: `${name}: not analysed: ${message}` };

    const sweep = setInterval(() => {
      const limit = budgetNow();
      const now = Date.now();
      for (const slot of [...slots]) {
        if (slot.current && now - slot.current.since > limit) {
          stats.timeouts++;
          fail(slot, 'time budget exceeded', true);
        }
      }
    }, Math.max(20, Math.min(250, opts.budgetMs / 4)));

    for (let i = 0; i < jobs; i++) feed(spawn());
  });
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
