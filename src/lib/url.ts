/**
 * Credentials inside URLs (`postgres://user:password@host/db`): the one place that finds them, for
 * collectors (to register secrets), rules (weak or committed passwords) and display (redaction).
 */

export interface UrlCredentials {
  user: string;
  /** The password as written (not percent-decoded). */
  password: string;
  /** Where the password starts inside the value. */
  offset: number;
}

/** `scheme://user:password@`: user without `:` `/` `?` `#` `@`, password up to `@` (may hold `:`). */
const CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^:/?#@\s]*):([^@/?#\s]+)@/i;

/**
 * The credentials of a URL value. By default the value must be a URL (leading spaces allowed);
 * `anywhere` finds the first URL with credentials inside longer text (`DSN=mysql://u:p@h`, a command
 * line).
 */
export function urlCredentials(value: string, opts: { anywhere?: boolean } = {}): UrlCredentials | undefined {
  let m: RegExpExecArray | null;
  if (opts.anywhere) {
    m = new RegExp(`(?:^|[^a-z0-9+.-])${CREDENTIALS.source}`, 'i').exec(value);
    if (m) m.index += m[0].length - (m[1]!.length + m[2]!.length + 1 + m[3]!.length + 1);
  } else {
    const lead = value.length - value.trimStart().length;
    m = new RegExp(`^${CREDENTIALS.source}`, 'i').exec(value.slice(lead));
    if (m) m.index = lead;
  }
  if (!m) return undefined;
  return { user: m[2]!, password: m[3]!, offset: m.index + m[1]!.length + m[2]!.length + 1 };
}

/** The password of a URL value (see urlCredentials), if any. */
export function urlPassword(value: string, opts: { anywhere?: boolean } = {}): string | undefined {
  return urlCredentials(value, opts)?.password;
}

/** A password that stands for another value: `${DB_PASSWORD}`, `$PW`, `****`, `xxx`, `<password>`, `{{ pw }}`. */
export function isPasswordPlaceholder(password: string): boolean {
  return password.includes('$') || /^(\*+|x+|<[^>]*>|\{\{.*\}\})$/i.test(password);
}

/** The value with a URL password replaced by `mask`. */
export function redactUrl(value: string, mask: string): string {
  const c = urlCredentials(value);
  if (!c) return value;
  return value.slice(0, c.offset) + mask + value.slice(c.offset + c.password.length);
}
