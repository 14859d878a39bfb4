import type { Localized } from './types.js';

/**
 * An error the user can fix (bad option, unreadable target, bad config): one clear line, exit code 2.
 * The message is in both languages; the CLI prints the one of --lang / LANG.
 */
export class UserError extends Error {
  readonly text: Localized;
  /** Further lines (e.g. every problem of a bad config). */
  readonly details: Localized[];
  constructor(message: Localized, details: (Localized | string)[] = []) {
    super(message.en);
    this.name = 'UserError';
    this.text = message;
    this.details = details.map((d) => (typeof d === 'string' ? { en: d, ja: d } : d));
  }
}

/** A structured file that cannot be parsed: reported with its position, the run goes on. */
export class ParseError extends Error {
  readonly line?: number;
  readonly column?: number;
  constructor(message: string, line?: number, column?: number) {
    super(message);
    this.name = 'ParseError';
    this.line = line;
    this.column = column;
  }
}

/**
 * A crash report that carries no data: the version, the error's class and the stack frames — never
 * the message, which may quote a file, a value or a secret (issue 11: a masking regex too large for
 * V8 once printed every secret of the repository). Frames name honban's own functions and files.
 */
export function crashReport(e: unknown, version: string, lang: 'en' | 'ja' = 'en'): string {
  const err = e instanceof Error ? e : undefined;
  const name = err ? (err.constructor?.name || err.name || 'Error').replace(/[^\w$.]/g, '') : typeof e;
  const frames = (err?.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .map((l) => l.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 300));
  const code = err && typeof (err as NodeJS.ErrnoException).code === 'string' && /^[A-Z0-9_]{1,40}$/.test((err as NodeJS.ErrnoException).code!) ? ` (${(err as NodeJS.ErrnoException).code})` : '';
  return (
    (lang === 'ja'
      ? `honban ${version} が異常終了しました (node ${process.version})。下のスタックを添えて報告してください。\n` + `${name}${code}: メッセージは表示しません (検査したファイルの内容を含むことがあります)\n`
      : `honban ${version} crashed (node ${process.version}). Please report this with the stack below.\n` + `${name}${code}: message withheld (it may quote the scanned files)\n`) +
    (frames.length ? frames.join('\n') + '\n' : '    (no stack)\n')
  );
}

/**
 * Test hook for the crash path: with HONBAN_CRASH_TEST=secrets a command throws an error whose
 * message holds the secrets it has seen, so that the end-to-end tests prove no crash report prints them.
 */
export function crashTestWithData(values: Iterable<string>): void {
  if (process.env.HONBAN_CRASH_TEST === 'secrets') throw new Error(`crash requested by HONBAN_CRASH_TEST with data: ${[...values].join(' | ')}`);
}
