/**
 * The one way honban reads a file it was pointed at or found: only regular files, never more than
 * a size cap, never blocking (a FIFO or a device is refused at open, before any byte is read), and
 * decoded with its byte-order mark (UTF-8, UTF-16 LE / BE). What cannot be read comes back as a
 * reason, so every caller can list it (`Report.skipped`) instead of dropping it silently.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { UserError } from '../contracts/errors.js';
import type { Localized, SkipReason, SourceFile } from '../contracts/types.js';

/** The largest file honban reads (scan, env files, secrets, --ca, honban.yml, baselines). */
export const MAX_FILE_BYTES = 1024 * 1024;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type ReadResult =
  | {
      ok: true;
      text: string;
      /** Bytes on disk. */
      size: number;
      /** Permission bits. */
      mode: number;
      /** What the file index compares to know the file unchanged (with `size`). */
      mtimeMs: number;
      ctimeMs: number;
      ino: number;
      encoding: TextEncoding;
      /** The text holds NUL bytes (kept as U+0000; the caller decides whether that makes it binary). */
      nul: boolean;
    }
  | { ok: false; reason: SkipReason; detail: string };

export interface ReadOptions {
  maxBytes?: number;
}

/** `FIFO`, `character device` … for a file that is not regular. */
export function fileTypeOf(st: Stats): string {
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  if (st.isSocket()) return 'socket';
  if (st.isSymbolicLink()) return 'symbolic link';
  return 'not a regular file';
}

/** One line for an fs error code: `permission denied`, `no such file` … */
export function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a directory';
    case 'EIO':
      return 'input/output error';
    case 'ENAMETOOLONG':
      return 'name too long';
    default:
      return code ?? 'unreadable';
  }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} bytes`;
}

// O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOCTTY: a terminal never becomes ours.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** Decodes file bytes: BOM first (UTF-8, UTF-16 LE / BE), else UTF-8. */
export function decodeText(buf: Buffer): { text: string; encoding: TextEncoding } | { error: string } {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return utf16(buf.subarray(2), 'utf-16le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return utf16(buf.subarray(2), 'utf-16be');
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  return { text: buf.toString('utf8', start), encoding: 'utf-8' };
}

function utf16(body: Buffer, encoding: 'utf-16le' | 'utf-16be'): { text: string; encoding: TextEncoding } | { error: string } {
  if (body.length % 2 !== 0) return { error: `${encoding.toUpperCase()} byte-order mark but an odd number of bytes` };
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(body), encoding };
  } catch {
    return { error: `${encoding.toUpperCase()} byte-order mark but invalid ${encoding.toUpperCase()}` };
  }
}

function finish(buf: Buffer, st: Stats, max: number): ReadResult {
  const r = finishLazily(buf, st, max);
  if (!r.ok) return r;
  const { text, ...rest } = r;
  return { ...rest, text: text.all() };
}

/** A text decoded on first use: whole, or only its first line (up to the first LF, which holds it). */
export interface LazyText {
  all(): string;
  firstLine(): string;
}

/** A file read whose text is decoded on first use (UTF-16 is decoded at once: that checks it). */
export type LazyReadResult = Exclude<ReadResult, { ok: true }> | (Omit<Extract<ReadResult, { ok: true }>, 'text'> & { text: LazyText });

function finishLazily(buf: Buffer, st: Stats, max: number): LazyReadResult {
  if (buf.length > max) return { ok: false, reason: 'too-large', detail: `larger than ${formatBytes(max)}` };
  const meta = { size: buf.length, mode: st.mode & 0o777, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const d = decodeText(buf);
    if ('error' in d) return { ok: false, reason: 'encoding', detail: d.error };
    return { ok: true, ...meta, encoding: d.encoding, nul: d.text.includes('\u0000'), text: { all: () => d.text, firstLine: () => d.text } };
  }
  // UTF-8 (a UTF-8 mark is dropped, invalid bytes become U+FFFD: decoding cannot fail here). A NUL
  // byte is U+0000 in the text, nothing else is.
  const utf8 = (b: Buffer) => (decodeText(b) as { text: string }).text;
  let text: string | undefined;
  const all = () => (text ??= utf8(buf));
  const firstLine = () => {
    if (text !== undefined) return text;
    const lf = buf.indexOf(0x0a);
    return lf < 0 ? all() : utf8(buf.subarray(0, lf));
  };
  return { ok: true, ...meta, encoding: 'utf-8', nul: buf.includes(0), text: { all, firstLine } };
}

/** Reads a regular file (following symlinks) of at most `maxBytes`; never throws. */
export function readTextFileSync(abs: string, opts: ReadOptions = {}): ReadResult {
  const max = opts.maxBytes ?? MAX_FILE_BYTES;
  const r = readBytesSync(abs, max);
  return 'buf' in r ? finish(r.buf, r.st, max) : r;
}

/**
 * readTextFileSync whose text is decoded only when asked for: discovery needs the kind, size and
 * NUL bytes of every file, and the text only of the few whose kind depends on it (decoding was a
 * third of its time on a large tree).
 */
export function readFileLazily(abs: string, opts: ReadOptions = {}): LazyReadResult {
  const max = opts.maxBytes ?? MAX_FILE_BYTES;
  const r = readBytesSync(abs, max);
  return 'buf' in r ? finishLazily(r.buf, r.st, max) : r;
}

/** The bytes of a regular file of at most `max` bytes (read as readTextFileSync reads), or why not. */
export function readBytesSync(abs: string, max: number): { buf: Buffer; st: Stats } | Exclude<ReadResult, { ok: true }> {
  let fd: number;
  try {
    fd = openSync(abs, FLAGS);
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: errnoText(e) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'special-file', detail: fileTypeOf(st) };
    if (st.size > max) return { ok: false, reason: 'too-large', detail: `${formatBytes(st.size)} (limit ${formatBytes(max)})` };
    // The size can change under us (a growing log): read at most max + 1 bytes, whatever stat said.
    const buf = Buffer.allocUnsafe(Math.min(max + 1, Math.max(st.size + 1, 4096)));
    let len = 0;
    let chunk = buf;
    for (;;) {
      if (len === chunk.length) {
        if (chunk.length > max) break;
        const bigger = Buffer.allocUnsafe(Math.min(max + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, len);
        chunk = bigger;
      }
      const n = readSync(fd, chunk, len, chunk.length - len, null);
      if (n === 0) break;
      len += n;
    }
    return { buf: chunk.subarray(0, len), st };
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: errnoText(e) };
  } finally {
    closeSync(fd);
  }
}

/** Async twin of readTextFileSync. */
export async function readTextFile(abs: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const max = opts.maxBytes ?? MAX_FILE_BYTES;
  let fh;
  try {
    fh = await open(abs, FLAGS);
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: errnoText(e) };
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { ok: false, reason: 'special-file', detail: fileTypeOf(st) };
    if (st.size > max) return { ok: false, reason: 'too-large', detail: `${formatBytes(st.size)} (limit ${formatBytes(max)})` };
    const chunks: Buffer[] = [];
    let len = 0;
    while (len <= max) {
      const b = Buffer.allocUnsafe(Math.min(max + 1 - len, 256 * 1024));
      const { bytesRead } = await fh.read(b, 0, b.length, null);
      if (bytesRead === 0) break;
      chunks.push(b.subarray(0, bytesRead));
      len += bytesRead;
    }
    return finish(Buffer.concat(chunks, len), st, max);
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: errnoText(e) };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/**
 * The text of a file the user named (honban.yml, --ca, --baseline, --from-facts): anything but a
 * readable regular file within the cap is a user error (exit 2) with the reason.
 */
export function readUserFileSync(abs: string, what: string | Localized, opts: ReadOptions = {}): string {
  const r = readTextFileSync(abs, opts);
  if (!r.ok) throw new UserError(readFailure(what, r));
  return r.text;
}

/** Async twin of readUserFileSync. */
export async function readUserFile(abs: string, what: string | Localized, opts: ReadOptions = {}): Promise<string> {
  const r = await readTextFile(abs, opts);
  if (!r.ok) throw new UserError(readFailure(what, r));
  return r.text;
}

/** Japanese of the fixed details of errnoText / fileTypeOf (others — codes, sizes — stay as they are). */
const DETAIL_JA: Record<string, string> = {
  'permission denied': '権限がありません',
  'no such file': 'ファイルがありません',
  'too many levels of symbolic links': 'シンボリックリンクの階層が深すぎます',
  'is a directory': 'ディレクトリです',
  'input/output error': '入出力エラー',
  'name too long': '名前が長すぎます',
  unreadable: '読めません',
  directory: 'ディレクトリ',
  'FIFO (named pipe)': 'FIFO (名前付きパイプ)',
  'character device': 'キャラクタデバイス',
  'block device': 'ブロックデバイス',
  socket: 'ソケット',
  'symbolic link': 'シンボリックリンク',
  'not a regular file': '通常のファイルではありません',
};

/** A detail of a skipped or unreadable file in `lang` (a size or an error code is kept). */
export function detailText(detail: string, lang: 'en' | 'ja'): string {
  return lang === 'ja' ? (DETAIL_JA[detail] ?? detail) : detail;
}

/** A ReadResult failure as one line: `cannot read X: FIFO (named pipe)`. */
export function readFailure(what: string | Localized, r: Extract<ReadResult, { ok: false }>): Localized {
  const w = typeof what === 'string' ? { en: what, ja: what } : what;
  const why = r.reason === 'special-file' ? `not a regular file (${r.detail})` : r.reason === 'too-large' ? `too large: ${r.detail}` : r.detail;
  const whyJa = r.reason === 'special-file' ? `通常のファイルではありません (${detailText(r.detail, 'ja')})` : r.reason === 'too-large' ? `大きすぎます: ${r.detail}` : detailText(r.detail, 'ja');
  return { en: `cannot read ${w.en}: ${why}`, ja: `${w.ja} を読めません: ${whyJa}` };
}

/**
 * A file known but not held: everything but its text, which is read from disk when something asks
 * for it. A file that vanished since is read as empty. `keep`: the text read is kept (a worker's
 * file); without, every use reads it again — the main thread of a scan holds no text of the tree
 * (discovery read each file once for its kind and hash; the workers read their files themselves),
 * which is most of the memory of a large scan.
 */
export function unreadFile(abs: string, meta: Omit<SourceFile, 'content'>, { keep = true }: { keep?: boolean } = {}): SourceFile {
  const f = meta as SourceFile;
  const settle = (text: string) => {
    Object.defineProperty(f, 'content', { value: text, enumerable: true, writable: true, configurable: true });
    return text;
  };
  Object.defineProperty(f, 'content', {
    enumerable: true,
    configurable: true,
    get() {
      const r = readTextFileSync(abs, { maxBytes: MAX_FILE_BYTES });
      const text = r.ok ? r.text : '';
      return keep ? settle(text) : text;
    },
    set(v: string) {
      settle(v);
    },
  });
  return f;
}
