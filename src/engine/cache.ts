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
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { SourceFile } from '../contracts/types.js';
import type { FileResult } from './run-collector.js';

const MAGIC = Buffer.from('HONBAN-FACTS-2\n');
const PACK = 'facts.pack';
/** Default upper bound of the pack file. */
export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;

interface Stored {
  /** HMAC-SHA256 of `data` (with the key). */
  mac: Buffer;
  /** v8-serialized FileResult (file scope) or FileResult[] (project scope). */
  data: Buffer;
  /** Last run that used it (ms since epoch). */
  used: number;
}

export interface CacheKeyContext {
  environment: string;
  customEnvs: readonly string[];
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

/** honban's version and a fingerprint of its compiled files: a rebuilt honban does not trust an older cache. */
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
      if (n.endsWith('.js')) {
        const st = statSync(p);
        h.update(`${path.relative(dist, p)}\0${st.size}\0${st.mtimeMs}\n`);
      } else if (!n.includes('.')) walk(p);
    }
  };
  walk(dist);
  buildId = h.digest('hex');
  return buildId;
}

const contentHashes = new WeakMap<SourceFile, string>();

function contentHash(f: SourceFile): string {
  let h = contentHashes.get(f);
  if (!h) {
    h = createHash('sha256').update(f.content).digest('base64url');
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
    c.load();
    return c;
  }

  private load(): void {
    let buf: Buffer;
    try {
      buf = readFileSync(path.join(this.dir, PACK));
    } catch {
      return;
    }
    if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
      this.rejected++;
      return;
    }
    try {
      const pack = deserialize(buf.subarray(MAGIC.length)) as unknown;
      if (!Array.isArray(pack)) throw new Error('not a pack');
      for (const e of pack as unknown[]) {
        if (!Array.isArray(e) || e.length !== 4) continue;
        const [k, mac, data, used] = e as [unknown, unknown, unknown, unknown];
        if (typeof k !== 'string' || !(mac instanceof Uint8Array) || !(data instanceof Uint8Array) || typeof used !== 'number') continue;
        this.entries.set(k, { mac: Buffer.from(mac), data: Buffer.from(data), used });
      }
    } catch {
      this.rejected++; // unreadable pack: start empty
      this.entries.clear();
    }
  }

  private mac(key: string, data: Buffer): Buffer {
    return createHmac('sha256', this.key).update(key).update('\0').update(data).digest();
  }

  private read<T>(key: string): T | undefined {
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
    const data = serialize(value);
    this.entries.set(key, { mac: this.mac(key, data), data, used: this.now });
    this.used.add(key);
    this.changed = true;
  }

  fileKey(collector: string, file: SourceFile, context: unknown, ctx: CacheKeyContext): string {
    return createHash('sha256')
      .update(JSON.stringify(['file', this.build, collector, ctx.environment, ctx.customEnvs, context ?? null]))
      .update(fileIdentity(file))
      .digest('base64url');
  }

  projectKey(collector: string, files: readonly SourceFile[], ctx: CacheKeyContext): string {
    const h = createHash('sha256').update(JSON.stringify(['project', this.build, collector, ctx.environment, ctx.customEnvs]));
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
   * Writes the pack when something changed: the entries of this run first, then older ones, most
   * recently used first, while the pack stays under its size limit. Never throws (a read-only tree
   * just has no cache).
   */
  save(): { written: boolean; bytes: number; entries: number } {
    if (!this.changed) return { written: false, bytes: 0, entries: this.entries.size };
    const ordered = [...this.entries.entries()].sort((a, b) => Number(this.used.has(b[0])) - Number(this.used.has(a[0])) || b[1].used - a[1].used);
    const keep: [string, Buffer, Buffer, number][] = [];
    let bytes = MAGIC.length + 64;
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
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      // Never committed by accident: the directory ignores itself.
      const gi = path.join(this.dir, '.gitignore');
      if (!existsSync(gi)) writeFileSync(gi, '# written by honban: a cache of facts (may contain values from the scanned files)\n*\n');
      tmp = path.join(this.dir, `${PACK}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      const body = serialize(keep);
      writeFileSync(tmp, Buffer.concat([MAGIC, body]), { mode: 0o600 });
      chmodSync(tmp, 0o600);
      renameSync(tmp, path.join(this.dir, PACK));
      this.changed = false;
      return { written: true, bytes: MAGIC.length + body.length, entries: keep.length };
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
