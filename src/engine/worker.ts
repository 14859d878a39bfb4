/**
 * A collection worker (worker_threads): parses and extracts the files the pool sends, one at a
 * time, and answers with plain facts. It announces each file it starts (`start`) so that the pool
 * can hold every file to its time budget and end this thread when one overruns.
 */
import { parentPort } from 'node:worker_threads';
import { COLLECTORS } from '../collect/index.js';
import type { Collector } from '../contracts/collector.js';
import type { SourceFile } from '../contracts/types.js';
import { loadFailure, NO_FILES, runCollector } from './run-collector.js';
import { MAX_FILE_BYTES, readTextFileSync, unreadFile } from '../lib/read.js';
import { hashContent } from './cache.js';
import type { TableFile, ToMain, ToWorker } from './pool.js';

const port = parentPort;
if (!port) throw new Error('engine/worker.js runs only as a worker thread');

let environment = 'production';
let customEnvs: string[] = [];
let exhaustive = false;
let table: SourceFile[] = [];
const loaded = new Map<string, Promise<Collector>>();

/**
 * The collector, loaded and warmed up on an empty file of the same kind (which loads its grammar):
 * loading is honban's own start-up, not the file's parse, so it does not count against the budget.
 */
function collectorOf(name: string, like: SourceFile | undefined): Promise<Collector> {
  let p = loaded.get(name);
  if (!p) {
    const entry = COLLECTORS[name];
    if (!entry) throw new Error(`unknown collector ${name}`);
    p = entry.load().then(async (m) => {
      const c = m.default as Collector;
      if (like) await runCollector(name, c, { ...like, content: '' }, { environment, customEnvs, exhaustive: true, files: [] });
      return c;
    });
    loaded.set(name, p);
  }
  return p;
}

const send = (m: ToMain) => port.postMessage(m);

/** Runs one collector on one file and answers: `start` (the budget's clock, again at each checkpoint), then the result. */
async function runAndSend(seq: number, name: string, collector: Collector, file: SourceFile, files: readonly SourceFile[], context?: unknown): Promise<void> {
  const started = (path: string) => send({ type: 'start', seq, name, path });
  started(file.path);
  const result = await runCollector(name, collector, file, { environment, customEnvs, exhaustive, files, context, checkpoint: started });
  send({ type: 'result', seq, name, path: file.path, result });
}

function withoutMark({ unread: _, ...f }: TableFile): Omit<SourceFile, 'content'> {
  return f;
}

/**
 * The file a task names, read here (the main thread does not hold the texts of the tree). When it is
 * no longer what discovery read (changed or gone during the scan), an error entry says so.
 */
function readSent(sent: TableFile): SourceFile | string {
  const r = readTextFileSync(sent.absPath, { maxBytes: MAX_FILE_BYTES });
  // With a cache, the hash discovery computed; without, the size it read.
  if (r.ok && (sent.hash !== undefined ? hashContent(r.text) === sent.hash : sent.size === undefined || r.size === sent.size)) return { ...withoutMark(sent), content: r.text };
  return r.ok ? 'the file changed while it was scanned' : `it can no longer be read (${r.detail})`;
}

/** The collector, or (when its module cannot load) an error result for each of `paths`. */
async function loadOrReport(seq: number, name: string, paths: string[], like: SourceFile | undefined): Promise<Collector | undefined> {
  try {
    return await collectorOf(name, like);
  } catch (e) {
    for (const path of paths) send({ type: 'result', seq, name, path, result: loadFailure(name, path, (e as Error).message) });
    return undefined;
  }
}

// One message at a time, in order: a project task's files run in sequence in this thread.
let queue: Promise<void> = Promise.resolve();
port.on('message', (m: ToWorker) => {
  queue = queue.then(() => handle(m)).catch((e) => send({ type: 'fatal', message: (e as Error)?.stack ?? String(e) }));
});

async function handle(m: ToWorker): Promise<void> {
  switch (m.type) {
    case 'init':
      environment = m.environment;
      customEnvs = m.customEnvs;
      exhaustive = m.exhaustive;
      return;
    case 'table':
      // Files sent without their text are read from disk when a collector asks for it.
      table = m.files.map((f) => ('unread' in f ? unreadFile(f.absPath, withoutMark(f)) : f));
      return;
    case 'file': {
      // Read once for every collector of the file (a file that changed or went away since
      // discovery is an entry for each, never facts of other content).
      const path = m.file.path;
      const file = 'unread' in m.file ? readSent(m.file) : m.file;
      for (const job of m.jobs) {
        if (typeof file === 'string') {
          send({ type: 'result', seq: m.seq, name: job.name, path, result: { facts: [], secrets: [], errors: [{ kind: 'collector', file: path, message: `${job.name}: not analysed: ${file}` }] } });
          continue;
        }
        const collector = await loadOrReport(m.seq, job.name, [path], file);
        if (collector) await runAndSend(m.seq, job.name, collector, file, NO_FILES, job.context);
      }
      send({ type: 'done', seq: m.seq });
      return;
    }
    case 'project': {
      const collector = await loadOrReport(m.seq, m.name, m.paths, table.find((f) => f.path === m.paths[0]));
      if (!collector) {
        send({ type: 'done', seq: m.seq });
        return;
      }
      const exclude = new Set(m.exclude);
      const files = exclude.size ? table.filter((f) => !exclude.has(f.path)) : table;
      const byPath = new Map(files.map((f) => [f.path, f]));
      for (const path of m.paths) {
        const file = byPath.get(path);
        if (file) await runAndSend(m.seq, m.name, collector, file, files);
      }
      send({ type: 'done', seq: m.seq });
      return;
    }
  }
}
