/**
 * The one fact interface of `honban host`: read a file, stat, list a directory, run a command,
 * resolve a name. Two implementations:
 *
 * - `liveView()`: the machine honban runs on (root `/`). Commands run read-only, without a shell,
 *   with a timeout and `LC_ALL=C`; names are resolved only when asked (`--domain`).
 * - `rootView(dir)`: an offline tree (a mounted image, a container's filesystem, a fixture). Files
 *   are read under `dir` only: every path is resolved component by component, absolute symlinks
 *   restart at `dir` (never at the host's `/`), `..` stops at `dir`, and more than 40 links is a
 *   loop. Commands are never run and names never resolved.
 *
 * Both read only regular files, at most `max` bytes, opened with O_NOFOLLOW | O_NONBLOCK (a FIFO
 * never blocks, a device is refused before it is opened), and say why a path could not be read.
 */
import { execFile } from 'node:child_process';
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { promises as dns } from 'node:dns';

export type EntryType = 'file' | 'dir' | 'symlink' | 'fifo' | 'socket' | 'char' | 'block' | 'other';

export interface HostStat {
  type: EntryType;
  /** Permission bits (& 0o7777). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtimeMs: number;
}

export interface ReadResult {
  text?: string;
  /** Why nothing was read: `no such file`, `not a regular file (fifo)`, `permission denied` … */
  error?: string;
  /** The file is larger than the limit: only the first `max` bytes were read. */
  truncated?: boolean;
}

export interface CommandResult {
  /** The command as a person would type it (`sshd -T`). */
  command: string;
  ran: boolean;
  exitCode?: number;
  stdout: string;
  stderr: string;
  /** Why it did not run or did not finish (`not installed`, `timed out after 5000 ms`). */
  error?: string;
  ms: number;
}

export interface HostView {
  live: boolean;
  /** Live and running as root (uid 0): commands that need privileges (nft, iptables-save, ufw) can run. */
  isRoot?: boolean;
  /** Absolute directory every host path is read under (`/` when live). */
  root: string;
  /** Reads a regular file (host path `/etc/x` or root-relative `etc/x`), at most `max` bytes (default 1 MiB). */
  read(p: string, max?: number): ReadResult;
  /** The same, as bytes (compressed lists). */
  readBytes(p: string, max?: number): { data?: Buffer; error?: string; truncated?: boolean };
  /** Follows symlinks (inside the root); undefined when absent or unresolvable. */
  stat(p: string): HostStat | undefined;
  /** Like stat, with the reason when it fails. */
  statOrWhy(p: string): { stat?: HostStat; error?: string };
  /** Does not follow the last component. */
  lstat(p: string): HostStat | undefined;
  /** The target of a symlink as written. */
  readlink(p: string): string | undefined;
  /** Entries of a directory (at most 10,000), sorted by name; undefined when not a readable directory. */
  list(dir: string): { name: string; type: EntryType }[] | undefined;
  /** Runs a command (live only). */
  run(command: string, args: string[], opts?: { timeoutMs?: number; maxBytes?: number }): Promise<CommandResult>;
  /** Resolves a host name (live only). */
  resolve(name: string): Promise<{ addresses: string[]; error?: string }>;
}

export const MAX_READ = 1024 * 1024;
const MAX_LINKS = 40;
const MAX_ENTRIES = 10_000;

/** Root-relative POSIX form of a host path: `/etc/ssh/sshd_config` → `etc/ssh/sshd_config`. */
export function relPath(p: string): string {
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (!s || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out.join('/');
}

function typeOf(st: Stats): EntryType {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'char';
  if (st.isBlockDevice()) return 'block';
  return 'other';
}

function toStat(st: Stats): HostStat {
  return { type: typeOf(st), mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, size: st.size, mtimeMs: st.mtimeMs };
}

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a directory';
    default:
      return code ?? (e as Error).message;
  }
}

/**
 * Resolves `p` under `root`: every symlink is followed inside the root (absolute targets restart at
 * the root), `..` never leaves it. Returns the real path on disk, or why it cannot be resolved.
 * `followLast: false` leaves a final symlink unresolved (lstat).
 */
export function resolveUnder(root: string, p: string, followLast = true): { real?: string; error?: string } {
  const queue = p.split('/').filter((s) => s && s !== '.');
  const cur: string[] = [];
  let links = 0;
  while (queue.length) {
    const c = queue.shift()!;
    if (c === '..') {
      cur.pop();
      continue;
    }
    const candidate = path.join(root, ...cur, c);
    let st: Stats;
    try {
      st = lstatSync(candidate);
    } catch (e) {
      return { error: why(e) };
    }
    if (st.isSymbolicLink() && (followLast || queue.length > 0)) {
      if (++links > MAX_LINKS) return { error: 'symbolic link loop (more than 40 links)' };
      let target: string;
      try {
        target = readlinkSync(candidate);
      } catch (e) {
        return { error: why(e) };
      }
      if (target.startsWith('/')) cur.length = 0;
      queue.unshift(...target.split('/').filter((s) => s && s !== '.'));
      continue;
    }
    if (queue.length && !st.isDirectory()) return { error: 'no such file' };
    cur.push(c);
  }
  return { real: path.join(root, ...cur) };
}

/** Standard directories searched for commands (live). */
const BIN_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

export function findBinary(name: string): string | undefined {
  for (const d of BIN_DIRS) {
    const p = path.join(d, name);
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      /* next */
    }
  }
  return undefined;
}

function makeView(root: string, live: boolean): HostView {
  const resolve = (p: string, followLast = true) => resolveUnder(root, p, followLast);
  const statOrWhy = (p: string) => {
    const r = resolve(p);
    if (!r.real) return { error: r.error };
    try {
      return { stat: toStat(statSync(r.real)) };
    } catch (e) {
      return { error: why(e) };
    }
  };
  return {
    live,
    isRoot: live && process.getuid?.() === 0,
    root,
    read(p, max = MAX_READ) {
      const b = this.readBytes(p, max);
      if (!b.data) return { error: b.error };
      return { text: b.data.toString('utf8'), ...(b.truncated ? { truncated: true } : {}) };
    },
    readBytes(p, max = MAX_READ) {
      const r = resolve(p);
      if (!r.real) return { error: r.error };
      let fd: number;
      try {
        // Refuse anything but a regular file before opening it (devices, sockets).
        const pre = lstatSync(r.real);
        if (!pre.isFile()) return { error: `not a regular file (${typeOf(pre)})` };
        fd = openSync(r.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
      } catch (e) {
        return { error: why(e) };
      }
      try {
        const st = fstatSync(fd);
        if (!st.isFile()) return { error: `not a regular file (${typeOf(st)})` };
        // A regular file that says it is too large is not read at all (/proc files say 0: read bounded).
        if (st.size > max) return { error: `larger than ${max} bytes`, truncated: true };
        const chunks: Buffer[] = [];
        let total = 0;
        const buf = Buffer.allocUnsafe(64 * 1024);
        for (;;) {
          const n = readSync(fd, buf, 0, Math.min(buf.length, max + 1 - total), null);
          if (n <= 0) break;
          chunks.push(Buffer.from(buf.subarray(0, n)));
          total += n;
          if (total > max) break;
        }
        const all = Buffer.concat(chunks);
        if (all.length > max) return { data: all.subarray(0, max), truncated: true };
        return { data: all };
      } catch (e) {
        return { error: why(e) };
      } finally {
        closeSync(fd);
      }
    },
    stat(p) {
      return statOrWhy(p).stat;
    },
    statOrWhy,
    lstat(p) {
      const r = resolve(p, false);
      if (!r.real) return undefined;
      try {
        return toStat(lstatSync(r.real));
      } catch {
        return undefined;
      }
    },
    readlink(p) {
      const r = resolve(p, false);
      if (!r.real) return undefined;
      try {
        return readlinkSync(r.real);
      } catch {
        return undefined;
      }
    },
    list(dir) {
      const r = resolve(dir);
      if (!r.real) return undefined;
      try {
        const ents = readdirSync(r.real, { withFileTypes: true });
        return ents
          .slice(0, MAX_ENTRIES)
          .map((e) => ({ name: e.name, type: (e.isFile() ? 'file' : e.isDirectory() ? 'dir' : e.isSymbolicLink() ? 'symlink' : e.isFIFO() ? 'fifo' : e.isSocket() ? 'socket' : e.isCharacterDevice() ? 'char' : e.isBlockDevice() ? 'block' : 'other') as EntryType }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch {
        return undefined;
      }
    },
    async run(command, args, opts = {}) {
      const shown = [command, ...args].join(' ');
      if (!live) return { command: shown, ran: false, stdout: '', stderr: '', error: 'commands are not run with --root', ms: 0 };
      const bin = command.includes('/') ? (existsSync(command) ? command : undefined) : findBinary(command);
      if (!bin) return { command: shown, ran: false, stdout: '', stderr: '', error: `${command} is not installed`, ms: 0 };
      const t0 = performance.now();
      const timeout = opts.timeoutMs ?? 5000;
      return new Promise((done) => {
        execFile(
          bin,
          args,
          { timeout, maxBuffer: opts.maxBytes ?? 4 * 1024 * 1024, env: { PATH: BIN_DIRS.join(':'), LC_ALL: 'C', LANG: 'C' }, windowsHide: true },
          (err, stdout, stderr) => {
            const ms = Math.round(performance.now() - t0);
            const e = err as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string; signal?: string }) | null;
            if (e && (e.killed || e.signal === 'SIGTERM')) {
              done({ command: shown, ran: true, stdout: String(stdout), stderr: String(stderr), error: `timed out after ${timeout} ms`, ms });
              return;
            }
            if (e && typeof e.code === 'string') {
              done({ command: shown, ran: false, stdout: '', stderr: String(stderr ?? ''), error: e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' ? 'output too large' : e.code, ms });
              return;
            }
            done({ command: shown, ran: true, exitCode: e ? Number(e.code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr), ms });
          },
        );
      });
    },
    async resolve(name) {
      if (!live) return { addresses: [], error: 'names are not resolved with --root' };
      try {
        const r = await dns.lookup(name, { all: true, verbatim: true });
        return { addresses: r.map((a) => a.address) };
      } catch (e) {
        return { addresses: [], error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
      }
    },
  };
}

/** The machine honban runs on. */
export function liveView(): HostView {
  return makeView('/', true);
}

/** An offline tree: everything is read under `dir`. */
export function rootView(dir: string): HostView {
  return makeView(path.resolve(dir), false);
}
