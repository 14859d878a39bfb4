/** An error the user can fix (bad option, unreadable target, bad config): one clear line, exit code 2. */
export class UserError extends Error {
  /** Further lines (e.g. every problem of a bad config). */
  readonly details: string[];
  constructor(message: string, details: string[] = []) {
    super(message);
    this.name = 'UserError';
    this.details = details;
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
