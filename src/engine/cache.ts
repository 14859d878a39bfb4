/**
 * The fact cache: what each collector said about each file, so that a re-scan parses only what
 * changed.
 *
 * Keys. A file-scoped entry is keyed by the collector, the file's content hash, path, kind,
 * environment, git state and mode, the collector's `context` for it, the target environment and
 * the environment names in use, and the build of honban (version plus a fingerprint of its compiled
 * files) — everything a collector's output can depend on. A project-scoped collector has one entry
 * keyed by all of that for every file of the tree.
 *
 * Trust. The cache sits inside the scanned tree (`node_modules/.cache/honban` or `.honban/cache`),
 * which a repository could ship or a pull request could change. Every entry carries an HMAC made
 * with a key kept outside the tree, in the user's cache directory (`$XDG_CACHE_HOME/honban` or
 * `~/.cache/honban`); an entry whose HMAC does not match — corrupt, truncated, made elsewhere or
 * forged — is ignored, and the file is parsed again. Without a usable key there is no cache.
 *
 * Size. One pack file per directory, rewritten only when something changed. It keeps the entries
 * this run used, plus older ones (most recently used first) while the pack stays under its size
 * limit.
 *
 * Results. Beside the pack, the last whole result of a scan (`result.bin`, signed the same way),
 * keyed by the command's options, the configuration, the day, this build and every file's identity
 * (resultKey): a re-scan of an unchanged tree answers from it without loading a rule or reading the
 * pack.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { SourceFile } from '../contracts/types.js';
import { readBytesSync } from '../lib/read.js';
import type { FileResult } from './run-collector.js';

const MAGIC = Buffer.from('HONBAN-FACTS-3\n');
const PACK = 'facts.pack';
/** The last whole result (ResultKey → report), signed like the pack. */
const RESULT = 'result.bin';
const RESULT_MAGIC = Buffer.from('HONBAN-RESULT-1\n');
/** Default upper bound of the pack file. */
export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * One entry. The pack is read as one buffer and only its table is decoded at open; an entry's data
 * stays a slice of that buffer until a scan asks for it (then its HMAC is checked and it is
 * deserialized): a warm scan decodes what it uses, nothing more.
 */
interface Stored {
  /** HMAC-SHA256 of `data` (with the key). */
  mac: Buffer;
  /** v8-serialized FileResult (file scope) or FileResult[] (project scope). */
  data: Buffer;
  /** Last run that used it (ms since epoch). */
  used: number;
}

/**
 * Pack layout: MAGIC, a 4-byte big-endian length, the table, then the body. The table is
 * v8-serialized `{ keys: string[], meta: Float64Array }` with three numbers per key (offset into
 * the body, length, last use); an entry in the body is its 32-byte HMAC followed by its data. The
 * table holds no buffers, so decoding it is cheap; an entry is sliced, checked and deserialized only
 * when a scan asks for it.
 */
export function decodePack(buf: Buffer): [string, Buffer, Buffer, number][] | undefined {
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const tableLen = buf.readUInt32BE(MAGIC.length);
  const bodyAt = MAGIC.length + 4 + tableLen;
  if (bodyAt > buf.length) return undefined;
  let table: { keys?: unknown; meta?: unknown };
  try {
    table = deserialize(buf.subarray(MAGIC.length + 4, bodyAt)) as typeof table;
  } catch {
    return undefined;
  }
  const { keys, meta } = table ?? {};
  if (!Array.isArray(keys) || !(meta instanceof Float64Array) || meta.length !== keys.length * 3) return undefined;
  const out: [string, Buffer, Buffer, number][] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as unknown;
    const off = meta[i * 3]!;
    const len = meta[i * 3 + 1]!;
    if (typeof k !== 'string' || !Number.isInteger(off) || !Number.isInteger(len) || off < 0 || len < 32 || bodyAt + off + len > buf.length) continue;
    const at = bodyAt + off;
    out.push([k, buf.subarray(at, at + 32), buf.subarray(at + 32, at + len), meta[i * 3 + 2]!]);
  }
  return out;
}

/** The bytes of a pack holding `entries` ([key, mac, data, used]). */
export function encodePack(entries: readonly [string, Buffer, Buffer, number][]): Buffer {
  const keys: string[] = [];
  const meta = new Float64Array(entries.length * 3);
  const parts: Buffer[] = [];
  let off = 0;
  entries.forEach(([k, mac, data, used], i) => {
    keys.push(k);
    meta[i * 3] = off;
    meta[i * 3 + 1] = 32 + data.length;
    meta[i * 3 + 2] = used;
    parts.push(mac.length === 32 ? mac : Buffer.alloc(32), data);
    off += 32 + data.length;
  });
  const head = serialize({ keys, meta });
  const len = Buffer.alloc(4);
  len.writeUInt32BE(head.length);
  return Buffer.concat([MAGIC, len, head, ...parts]);
}

export interface CacheKeyContext {
  environment: string;
  customEnvs: readonly string[];
  exhaustive?: boolean;
}

export interface FactCacheOptions {
  /** Cache directory. */
  dir: string;
  /** Upper bound of the pack file in bytes. */
  maxBytes?: number;
  /** Directory holding the HMAC key (default: the user's cache directory). */
  keyDir?: string;
  /** Extra data every key depends on (tests). */
  salt?: string;
}

/**
 * Where the cache goes by default for a scan rooted at `root`: `node_modules/.cache/honban` of the
 * nearest directory with node_modules at or above the root (inside the same git work tree, like
 * other tools' caches), else `.honban/cache` at the root.
 */
export function defaultCacheDir(root: string): string {
  let dir = path.resolve(root);
  for (;;) {
    if (existsSync(path.join(dir, 'node_modules'))) return path.join(dir, 'node_modules', '.cache', 'honban');
    if (existsSync(path.join(dir, '.git'))) break;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return path.join(path.resolve(root), '.honban', 'cache');
}

let buildId: string | undefined;

/**
 * The compiled directories whose code decides what the cache holds: collectors and everything they
 * may import (layers import downward only; rules, commands and reporters are above them and never
 * cached), and the grammars.
 */
const CACHED_LAYERS = ['collect', 'contracts', 'derive', 'engine', 'facts', 'lib', 'grammars'];

/** honban's version and a fingerprint of its compiled collection code: a rebuilt honban does not trust an older cache. */
export function honbanBuild(): string {
  if (buildId) return buildId;
  const h = createHash('sha256');
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    h.update(readFileSync(path.join(dist, '..', 'package.json')));
  } catch {
    // an unusual layout: the compiled files still count
  }
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = path.join(dir, n);
      if ((n.endsWith('.js') && !n.endsWith('.test.js')) || n.endsWith('.wasm')) {
        const st = statSync(p);
        h.update(`${path.relative(dist, p)}\0${st.size}\0${st.mtimeMs}\n`);
      } else if (!n.includes('.')) walk(p);
    }
  };
  for (const d of CACHED_LAYERS) walk(path.join(dist, d));
  buildId = h.digest('hex');
  return buildId;
}

const contentHashes = new WeakMap<SourceFile, string>();

/** sha256 of a file's text (base64url): what the cache and the file index know a content by. */
export function hashContent(content: string): string {
  return createHash('sha256').update(content).digest('base64url');
}

/** The content hash of a file: the one discovery took from the file index (content not read), else computed once. */
export function contentHash(f: SourceFile): string {
  if (f.hash) return f.hash;
  let h = contentHashes.get(f);
  if (!h) {
    h = hashContent(f.content);
    contentHashes.set(f, h);
  }
  return h;
}

function fileIdentity(f: SourceFile): string {
  return JSON.stringify([f.path, f.kind, f.environment, f.gitIgnored, f.gitTracked ?? null, f.mode ?? null, contentHash(f)]);
}

function keyDirDefault(): string {
  const base = process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME) ? process.env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'honban');
}

/** The per-user HMAC key (created on first use, readable by the user only); undefined when it cannot be kept. */
function loadKey(dir: string): Buffer | undefined {
  const file = path.join(dir, 'cache-key');
  try {
    const k = readFileSync(file);
    if (k.length >= 32) return k;
  } catch {
    // create it below
  }
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const k = randomBytes(32);
    writeFileSync(file, k, { mode: 0o600, flag: 'wx' });
    return k;
  } catch {
    try {
      const k = readFileSync(file); // another process created it first
      return k.length >= 32 ? k : undefined;
    } catch {
      return undefined;
    }
  }
}

export class FactCache {
  private readonly entries = new Map<string, Stored>();
  /** The pack is read on first use: a scan answered by the last result never reads it. */
  private loaded = false;
  private readonly used = new Set<string>();
  private changed = false;
  /** Entries dropped because they failed verification. */
  rejected = 0;
  private readonly build: string;
  private readonly now = Date.now();

  private constructor(
    readonly dir: string,
    private readonly key: Buffer,
    private readonly maxBytes: number,
    salt: string,
  ) {
    this.build = `${honbanBuild()}\0${salt}`;
  }

  /** Opens (or starts) the cache in `opts.dir`; undefined when there is no key to sign entries with. */
  static open(opts: FactCacheOptions): FactCache | undefined {
    const key = loadKey(opts.keyDir ?? keyDirDefault());
    if (!key) return undefined;
    const c = new FactCache(opts.dir, key, opts.maxBytes ?? DEFAULT_CACHE_BYTES, opts.salt ?? '');
    c.files = new FileIndex(opts.dir, key);
    return c;
  }

  /** What discovery knew about each file last time (stat signature → hash and kind). */
  files!: FileIndex;

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    let buf: Buffer;
    try {
      const b = readCacheFile(path.join(this.dir, PACK), this.maxBytes);
      if (!b) return;
      buf = b;
    } catch {
      return;
    }
    const entries = decodePack(buf);
    if (!entries) {
      this.rejected++; // unreadable pack: start empty
      return;
    }
    for (const [k, mac, data, used] of entries) this.entries.set(k, { mac, data, used });
  }

  private mac(key: string, data: Buffer): Buffer {
    return createHmac('sha256', this.key).update(key).update('\0').update(data).digest();
  }

  private read<T>(key: string): T | undefined {
    this.load();
    const e = this.entries.get(key);
    if (!e) return undefined;
    const expect = this.mac(key, e.data);
    if (e.mac.length !== expect.length || !timingSafeEqual(e.mac, expect)) {
      this.entries.delete(key);
      this.rejected++;
      this.changed = true;
      return undefined;
    }
    try {
      const v = deserialize(e.data) as T;
      this.used.add(key);
      if (e.used !== this.now) e.used = this.now;
      return v;
    } catch {
      this.entries.delete(key);
      this.rejected++;
      this.changed = true;
      return undefined;
    }
  }

  private write(key: string, value: unknown): void {
    this.load();
    const data = serialize(value);
    this.entries.set(key, { mac: this.mac(key, data), data, used: this.now });
    this.used.add(key);
    this.changed = true;
  }

  fileKey(collector: string, file: SourceFile, context: unknown, ctx: CacheKeyContext): string {
    return createHash('sha256')
      .update(JSON.stringify(['file', this.build, collector, ctx.environment, ctx.customEnvs, context ?? null, ctx.exhaustive ?? false]))
      .update(fileIdentity(file))
      .digest('base64url');
  }

  projectKey(collector: string, files: readonly SourceFile[], ctx: CacheKeyContext): string {
    const h = createHash('sha256').update(JSON.stringify(['project', this.build, collector, ctx.environment, ctx.customEnvs, ctx.exhaustive ?? false]));
    for (const f of files) h.update(fileIdentity(f)).update('\n');
    return h.digest('base64url');
  }

  get(key: string): FileResult | undefined {
    const v = this.read<FileResult>(key);
    return v && isFileResult(v) ? v : undefined;
  }

  set(key: string, r: FileResult): void {
    this.write(key, r);
  }

  /** The results of a project-scoped collector for `paths` (in that order), when all are there. */
  getProject(key: string, paths: readonly string[]): FileResult[] | undefined {
    const v = this.read<{ paths: string[]; results: FileResult[] }>(key);
    if (!v || !Array.isArray(v.paths) || !Array.isArray(v.results) || v.paths.length !== paths.length || v.results.length !== paths.length) return undefined;
    if (v.paths.some((p, i) => p !== paths[i]) || !v.results.every(isFileResult)) return undefined;
    return v.results;
  }

  setProject(key: string, paths: readonly string[], results: FileResult[]): void {
    this.write(key, { paths: [...paths], results });
  }

  /**
   * The key of a whole command result over `files`: `parts` (the command, its options, the
   * configuration, the day), this build, and every file's path, content hash, kind, environment,
   * git state and mode. Undefined when a file's hash is unknown.
   */
  resultKey(parts: unknown, files: readonly SourceFile[]): string | undefined {
    const h = createHash('sha256').update(JSON.stringify(['result', this.build, parts]));
    for (const f of files) {
      if (!f.hash) return undefined;
      h.update(fileIdentity(f)).update('\n');
    }
    return h.digest('base64url');
  }

  /** The result stored under `key` by the last run, when its HMAC holds. */
  getResult<T>(key: string): T | undefined {
    const body = readSigned(this.dir, RESULT, RESULT_MAGIC, this.key, key);
    if (!body) return undefined;
    try {
      return deserialize(body) as T;
    } catch {
      return undefined;
    }
  }

  /** Keeps `value` as the result for `key` (one result per cache: the last run's); never throws. */
  setResult(key: string, value: unknown): void {
    try {
      writeSigned(this.dir, RESULT, RESULT_MAGIC, this.key, serialize(value), key);
    } catch {
      // a value that cannot be serialized: no result kept
    }
  }

  /**
   * Writes the pack when something changed: the entries of this run first, then older ones, most
   * recently used first, while the pack stays under its size limit. Never throws (a read-only tree
   * just has no cache).
   */
  save(): { written: boolean; bytes: number; entries: number } {
    if (!this.changed) {
      this.files.save();
      return { written: false, bytes: 0, entries: this.entries.size };
    }
    const ordered = [...this.entries.entries()].sort((a, b) => Number(this.used.has(b[0])) - Number(this.used.has(a[0])) || b[1].used - a[1].used);
    const keep: [string, Buffer, Buffer, number][] = [];
    let bytes = MAGIC.length + 4 + 64;
    for (const [k, e] of ordered) {
      const size = k.length + e.mac.length + e.data.length + 32;
      if (bytes + size > this.maxBytes) {
        if (this.used.has(k)) continue; // one huge entry of this run: skip it, keep the rest
        break;
      }
      bytes += size;
      keep.push([k, e.mac, e.data, e.used]);
    }
    let tmp: string | undefined;
    try {
      ensureCacheDir(this.dir);
      tmp = path.join(this.dir, `${PACK}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      const body = encodePack(keep);
      writeFileSync(tmp, body, { mode: 0o600 });
      chmodSync(tmp, 0o600);
      renameSync(tmp, path.join(this.dir, PACK));
      this.changed = false;
      this.files.save();
      return { written: true, bytes: body.length, entries: keep.length };
    } catch {
      if (tmp) rmSync(tmp, { force: true });
      return { written: false, bytes: 0, entries: this.entries.size };
    }
  }
}

function isFileResult(v: unknown): v is FileResult {
  const r = v as FileResult;
  return !!r && typeof r === 'object' && Array.isArray(r.facts) && Array.isArray(r.errors) && Array.isArray(r.secrets);
}

const INDEX = 'files.index';
const INDEX_MAGIC = Buffer.from('HONBAN-FILES-1\n');
/** Most entries the file index keeps (those of this run first). */
const INDEX_MAX = 200_000;
/**
 * A file modified this close to the moment it was read (or later) could have changed again within
 * the same mtime (file systems keep coarse times: a clock tick, a second, two on FAT): its entry is
 * not trusted, it is read again ("racy git").
 */
const RACY_MS = 2000;

/** One file as discovery read it: the stat signature, and what its content was. */
export interface IndexEntry {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** Content hash (hashContent). */
  hash: string;
  /** Kind from classifyKind (which may look at the content). */
  kind: string;
  /** When the content was read (ms since epoch). */
  at: number;
}

/**
 * The file index, like git's: absolute path → the stat signature of the file when its content was
 * last read (size, mtime, ctime, inode) and that content's hash and kind. Discovery asks it before
 * reading a file: an unchanged signature means unchanged content, so the file is not read; its
 * hash answers the fact cache, and its text is read only if something needs it (a finding's line).
 * Signed with the cache's HMAC key like the fact pack: an index shipped in a repository or altered
 * is ignored as a whole.
 */
export class FileIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly seen = new Set<string>();
  private changed = false;
  hits = 0;

  constructor(
    private readonly dir: string,
    private readonly key: Buffer,
  ) {
    const body = readSigned(dir, INDEX, INDEX_MAGIC, key);
    if (!body) return;
    try {
      const rows = deserialize(body) as unknown;
      if (!Array.isArray(rows)) return;
      for (const r of rows as unknown[]) {
        if (!Array.isArray(r) || r.length !== 8) continue;
        const [p, size, mtimeMs, ctimeMs, ino, hash, kind, when] = r as unknown[];
        if (typeof p !== 'string' || typeof hash !== 'string' || typeof kind !== 'string' || ![size, mtimeMs, ctimeMs, ino, when].every((n) => typeof n === 'number')) continue;
        this.entries.set(p, { size: size as number, mtimeMs: mtimeMs as number, ctimeMs: ctimeMs as number, ino: ino as number, hash, kind, at: when as number });
      }
    } catch {
      this.entries.clear();
    }
  }

  /** The entry of `abs` when the file on disk still has its signature (`st`: a fresh stat of it). */
  lookup(abs: string, st: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): IndexEntry | undefined {
    const e = this.entries.get(abs);
    if (!e) return undefined;
    if (e.size !== st.size || e.mtimeMs !== st.mtimeMs || e.ctimeMs !== st.ctimeMs || e.ino !== st.ino) return undefined;
    if (e.mtimeMs + RACY_MS > e.at) return undefined;
    this.seen.add(abs);
    this.hits++;
    return e;
  }

  /** Records what was just read from `abs`. */
  record(abs: string, e: IndexEntry): void {
    const old = this.entries.get(abs);
    this.seen.add(abs);
    if (old && old.hash === e.hash && old.kind === e.kind && old.size === e.size && old.mtimeMs === e.mtimeMs && old.ctimeMs === e.ctimeMs && old.ino === e.ino && old.mtimeMs + RACY_MS <= old.at) return;
    this.entries.set(abs, e);
    this.changed = true;
  }

  /** Writes the index when it changed; never throws. */
  save(): void {
    if (!this.changed) return;
    const rows: unknown[] = [];
    for (const [p, e] of this.entries) if (this.seen.has(p)) rows.push([p, e.size, e.mtimeMs, e.ctimeMs, e.ino, e.hash, e.kind, e.at]);
    for (const [p, e] of this.entries) {
      if (rows.length >= INDEX_MAX) break;
      if (!this.seen.has(p)) rows.push([p, e.size, e.mtimeMs, e.ctimeMs, e.ino, e.hash, e.kind, e.at]);
    }
    if (writeSigned(this.dir, INDEX, INDEX_MAGIC, this.key, serialize(rows))) this.changed = false;
  }
}

/**
 * A file of the cache directory, which sits in the scanned tree (a repository can ship one): only a
 * regular file (a FIFO named like the pack would block the read for ever) of at most `max` bytes
 * (a huge one would be read whole before its HMAC is checked). Undefined otherwise.
 */
function readCacheFile(file: string, max: number): Buffer | undefined {
  const r = readBytesSync(file, max);
  return 'buf' in r && r.buf.length <= max ? r.buf : undefined;
}

/** HMAC of a signed file's body: its name, the key it answers (a result's), then the body. */
function signedMac(key: Buffer, name: string, body: Buffer, extra?: string): Buffer {
  const h = createHmac('sha256', key).update(name).update('\0');
  if (extra !== undefined) h.update(extra).update('\0');
  return h.update(body).digest();
}

/** The body of `dir/name` (magic, HMAC, body) when its HMAC holds; undefined when missing or not ours. */
function readSigned(dir: string, name: string, magic: Buffer, key: Buffer, extra?: string): Buffer | undefined {
  let buf: Buffer | undefined;
  try {
    buf = readCacheFile(path.join(dir, name), DEFAULT_CACHE_BYTES);
  } catch {
    return undefined;
  }
  if (!buf) return undefined;
  const at = magic.length;
  if (buf.length < at + 32 || !buf.subarray(0, at).equals(magic)) return undefined;
  const body = buf.subarray(at + 32);
  return timingSafeEqual(buf.subarray(at, at + 32), signedMac(key, name, body, extra)) ? body : undefined;
}

/** Writes `dir/name` signed, through a private temporary file; false when it cannot (never throws). */
function writeSigned(dir: string, name: string, magic: Buffer, key: Buffer, body: Buffer, extra?: string): boolean {
  let tmp: string | undefined;
  try {
    ensureCacheDir(dir);
    tmp = path.join(dir, `${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(tmp, Buffer.concat([magic, signedMac(key, name, body, extra), body]), { mode: 0o600 });
    renameSync(tmp, path.join(dir, name));
    return true;
  } catch {
    if (tmp) rmSync(tmp, { force: true });
    return false;
  }
}

/** The cache directory, private, and ignoring itself in git (never committed by accident). */
function ensureCacheDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const gi = path.join(dir, '.gitignore');
  if (!existsSync(gi)) writeFileSync(gi, '# written by honban: a cache of facts (may contain values from the scanned files)\n*\n');
}
