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
