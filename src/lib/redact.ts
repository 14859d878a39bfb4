/**
 * Safe display of values: secrets never, URL passwords never, long values shortened.
 */
import { redactUrl } from './url.js';

/** What stands in for a secret in every output. */
export const MASK = '****';

/** A non-secret value for messages and tables: URL passwords masked, control characters escaped, long values cut. */
export function displayValue(value: string, max = 80): string {
  let v = redactUrl(value, MASK).replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  if ([...v].length > max) v = [...v].slice(0, max - 1).join('') + '…';
  return v;
}

/** What may be shown of a value: the (redacted) value of a non-secret, the length of a secret. */
export function describeValue(value: string, secret: boolean, lang: 'en' | 'ja' = 'en'): string {
  if (secret) return lang === 'ja' ? `[秘密値, ${[...value].length} 文字]` : `[secret, ${[...value].length} chars]`;
  return `"${displayValue(value)}"`;
}
