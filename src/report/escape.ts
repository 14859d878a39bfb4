/**
 * Output escaping, one place for every human-readable format (pretty, Markdown, JUnit, CI
 * annotations, `env --explain`, `diff`). File names and values come from the scanned repository or
 * the probed site: a file named `x\n✔ No open findings` or holding `\x1b[2K` must not forge a line or
 * repaint the terminal in a CI log. Control characters become visible escapes; text stays readable.
 *
 * JSON and SARIF are data formats: JSON.stringify already escapes C0 controls, and consumers render
 * them — these functions are for text that a person reads as it is printed.
 */

/**
 * Characters that change how text is laid out or displayed rather than being text: C0 controls
 * (newline, carriage return, escape …), DEL, C1 controls, line / paragraph separators, and the
 * bidirectional overrides and isolates ("Trojan Source": text that reads differently than it runs).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One control character as a visible escape: `\n`, `\x1b`, `\u202e`. */
function visible(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text from outside honban, safe to print on one line of a terminal or log. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, visible);
}

/** Does the text hold a character escapeControl would rewrite? */
export function hasControl(text: string): boolean {
  CONTROL.lastIndex = 0;
  const found = CONTROL.test(text);
  CONTROL.lastIndex = 0;
  return found;
}

/** A Markdown table cell or list item: control characters escaped, then HTML and table syntax neutralized. */
export function markdownText(text: string): string {
  return escapeControl(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}

/** Markdown inline code (`` `path` ``): control characters escaped, backticks cannot close the span. */
export function markdownCode(text: string): string {
  const t = escapeControl(text).replace(/\|/g, '\\|');
  const ticks = t.match(/`+/g)?.reduce((m, s) => Math.max(m, s.length), 0) ?? 0;
  const fence = '`'.repeat(ticks + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** XML text or attribute content (JUnit): control characters escaped first, then the XML specials. */
export function xmlText(text: string): string {
  return escapeControl(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * A value of a GitHub Actions / Azure workflow command (`::error file=…::message`): control
 * characters escaped, and the command syntax's own `%`, `\r`, `\n` (and `:` `,` in properties) encoded.
 */
export function annotationText(text: string, property = false): string {
  let t = escapeControl(text).replace(/%/g, '%25');
  if (property) t = t.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return t;
}
