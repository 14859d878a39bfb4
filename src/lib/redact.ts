/**
 * Safe display of values: secrets never, URL passwords never, long values shortened.
 */
import { MASK } from '../engine/post/mask.js';

/** The password part of a URL with credentials (`postgresql://user:pw@host/db` → `pw`), if any. */
export function urlPassword(value: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]*)@/i.exec(value.trim());
  if (!m) return undefined;
  const userinfo = m[1]!;
  const i = userinfo.indexOf(':');
  if (i < 0) return undefined;
  const pw = userinfo.slice(i + 1);
  return pw || undefined;
}

/** The value with a URL password replaced by ****. */
export function redactUrl(value: string): string {
  const pw = urlPassword(value);
  if (!pw) return value;
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@\s:]*:)([^/?#@\s]*)@/i, `$1${MASK}@`);
}

/** A non-secret value for messages and tables: URL passwords masked, control characters escaped, long values cut. */
export function displayValue(value: string, max = 80): string {
  let v = redactUrl(value).replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  if ([...v].length > max) v = [...v].slice(0, max - 1).join('') + '…';
  return v;
}

/** What may be shown of a value: the (redacted) value of a non-secret, the length of a secret. */
export function describeValue(value: string, secret: boolean, lang: 'en' | 'ja' = 'en'): string {
  if (secret) return lang === 'ja' ? `[秘密値, ${[...value].length} 文字]` : `[secret, ${[...value].length} chars]`;
  return `"${displayValue(value)}"`;
}
