/**
 * The repository as `honban env` sees it: a root directory (or an in-memory map for tests) it lists
 * and reads files from, plus paths outside it (secrets directories, `X_FILE` pointers).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { globMatcher } from '../../lib/glob.js';
import { MAX_FILE_BYTES, readTextFileSync, type ReadResult } from '../../lib/read.js';
import type { Skipped } from '../../contracts/types.js';
import type { LinearRegExp } from '../../lib/linear-regex.js';

export interface RepoView {
  /** Absolute root (display base). */
  root: string;
  /**
   * Relative POSIX paths of the files directly inside `dir` ('' = root): regular files, links to
   * them, and special files (FIFOs, devices) too — reading those fails with a reason, so that a
   * `.env.production` that is a FIFO is reported rather than passed over.
   */
  listDir(dir: string): string[];
  /** Relative POSIX paths of the directories directly inside `dir`. */
  listSubdirs(dir: string): string[];
  /** Text of a file given relative to the root, or an absolute path; undefined when unreadable (see whyUnreadable). */
  read(p: string): string | undefined;
  /** Why the last read of `p` failed, as a skip entry (path as given); undefined when it was read or absent. */
  skipOf(p: string): Skipped | undefined;
  /** Permission bits, when known. */
  mode(p: string): number | undefined;
  /** Regular files directly inside an absolute (or root-relative) directory, as absolute/relative paths. */
  listExternal(dir: string): string[] | undefined;
  /** Why a path cannot be read (`ENOENT`, `EACCES`, `not a file`), undefined when readable. */
  whyUnreadable(p: string): string | undefined;
}

/** Directories never listed (same spirit as discovery). */
const SKIP = new Set(['.git', 'node_modules', '.honban', 'venv', '.venv', '__pycache__', '.terraform']);

export function diskView(root: string): RepoView {
  const abs = path.resolve(root);
  const full = (p: string) => (path.isAbsolute(p) ? p : path.join(abs, ...p.split('/')));
  const entries = (dir: string) => {
    try {
      return readdirSync(full(dir || '.'), { withFileTypes: true });
    } catch {
      return [];
    }
  };
  const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);
  // Every read goes through the safe reader (regular files only, at most 1 MiB, never blocking) and
  // is remembered: a file is read once, and why it could not be is known to whoever asks.
  const cache = new Map<string, ReadResult>();
  const load = (p: string): ReadResult => {
    const f = full(p);
    let r = cache.get(f);
    if (!r) cache.set(f, (r = readTextFileSync(f, { maxBytes: MAX_FILE_BYTES })));
    return r;
  };
  return {
    root: abs,
    listDir(dir) {
      return entries(dir)
        .filter((e) => !e.isDirectory() && !(e.isSymbolicLink() && isDir(full(join(dir, e.name)))))
        .map((e) => join(dir, e.name))
        .sort();
    },
    listSubdirs(dir) {
      return entries(dir)
        .filter((e) => e.isDirectory() && !SKIP.has(e.name))
        .map((e) => join(dir, e.name))
        .sort();
    },
    read(p) {
      const r = load(p);
      return r.ok ? r.text : undefined;
    },
    skipOf(p) {
      const r = load(p);
      if (r.ok || (r.reason === 'unreadable' && r.detail === 'no such file')) return undefined;
      return { path: p, reason: r.reason, detail: r.detail };
    },
    mode(p) {
      if (process.platform === 'win32') return undefined;
      try {
        return statSync(full(p)).mode & 0o777;
      } catch {
        return undefined;
      }
    },
    listExternal(dir) {
      const d = full(dir);
      try {
        return readdirSync(d, { withFileTypes: true })
          .filter((e) => !e.name.startsWith('.') && !e.isDirectory() && !(e.isSymbolicLink() && isDir(path.join(d, e.name))))
          .map((e) => path.join(d, e.name))
          .sort();
      } catch {
        return undefined;
      }
    },
    whyUnreadable(p) {
      const r = load(p);
      if (r.ok) return undefined;
      return r.reason === 'special-file' ? 'not a regular file' : r.reason === 'too-large' ? `too large (${r.detail})` : r.reason === 'unreadable' ? r.detail : `${r.reason} (${r.detail})`;
    },
  };
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}


export interface MemoryFile {
  content: string;
  mode?: number;
}

/**
 * An in-memory repository (tests): keys are root-relative POSIX paths, or absolute paths for files
 * outside the repository (secrets directories).
 */
export function memoryView(files: Record<string, string | MemoryFile>, root = '/repo'): RepoView {
  const map = new Map<string, MemoryFile>();
  for (const [p, f] of Object.entries(files)) map.set(p, typeof f === 'string' ? { content: f } : f);
  const norm = (p: string) => {
    if (p.startsWith(root + '/')) return p.slice(root.length + 1);
    return p;
  };
  const inDir = (dir: string) => {
    const prefix = dir ? dir.replace(/\/$/, '') + '/' : '';
    return [...map.keys()].filter((k) => k.startsWith(prefix) && (prefix !== '' || !k.startsWith('/')));
  };
  return {
    root,
    listDir(dir) {
      const prefix = dir ? dir + '/' : '';
      return inDir(dir)
        .filter((k) => !k.slice(prefix.length).includes('/'))
        .sort();
    },
    listSubdirs(dir) {
      const prefix = dir ? dir + '/' : '';
      const out = new Set<string>();
      for (const k of inDir(dir)) {
        const rest = k.slice(prefix.length);
        const i = rest.indexOf('/');
        if (i > 0 && !SKIP.has(rest.slice(0, i))) out.add(prefix + rest.slice(0, i));
      }
      return [...out].sort();
    },
    read(p) {
      return map.get(norm(p))?.content;
    },
    skipOf() {
      return undefined;
    },
    mode(p) {
      return map.get(norm(p))?.mode;
    },
    listExternal(dir) {
      const d = norm(dir).replace(/\/$/, '');
      const keys = [...map.keys()].filter((k) => k.startsWith(d + '/') && !k.slice(d.length + 1).includes('/'));
      return keys.length ? keys.sort() : undefined;
    },
    whyUnreadable(p) {
      return map.has(norm(p)) ? undefined : 'no such file';
    },
  };
}

/** A linear-time matcher of a glob (`*`, `?`, `**`, `{a,b}`) over POSIX paths (see core/glob.ts). */
export function globToRegExp(glob: string): LinearRegExp {
  return globMatcher(glob);
}

/** Expands a root-relative glob (or plain path) against the view, sorted; plain paths are kept even when absent. */
export function expandGlob(view: RepoView, pattern: string): string[] {
  const p = pattern.replace(/^\.\//, '');
  if (!/[*?{]/.test(p)) return [p];
  const segs = p.split('/');
  const staticSegs: string[] = [];
  for (const s of segs) {
    if (/[*?{]/.test(s)) break;
    staticSegs.push(s);
  }
  const base = staticSegs.join('/');
  const re = globToRegExp(p);
  const deep = p.includes('**');
  const maxDepth = deep ? 8 : segs.length - staticSegs.length;
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const f of view.listDir(dir)) if (re.test(f)) out.push(f);
    if (depth >= maxDepth - 1 && !deep) return;
    if (depth >= 8) return;
    for (const d of view.listSubdirs(dir)) walk(d, depth + 1);
  };
  walk(base, 0);
  return out.sort();
}
