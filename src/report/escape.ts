/**
 * Output escaping, one place for every human-readable format (pretty, Markdown, JUnit, GitHub
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
// eslint-disable-next-line no-control-regex
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

/** What XML 1.0 cannot carry once controls are escaped: U+FFFE, U+FFFF and lone surrogates. */
const XML_INVALID = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * XML text or attribute content (JUnit): control characters escaped first (no raw control character
 * survives, so the document stays well-formed XML 1.0), characters XML cannot carry removed, then the
 * XML specials. Join several escaped fields with '\n' to keep real lines in an element's text.
 */
export function xmlText(text: string): string {
  return escapeControl(text).replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * A value of a GitHub Actions workflow command (`::error file=…,line=…::message`): the command
 * syntax's own `%`, CR and LF encoded (as @actions/core does: a multi-line message stays one log
 * line), other control characters escaped visibly, and in properties also `:` and `,`.
 */
export function annotationText(text: string, property = false): string {
  let t = escapeControl(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
  if (property) t = t.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return t;
}

/**
 * A Markdown inline code span that shows `text` literally, also inside a table cell: control
 * characters escaped, a backtick fence longer than any run of backticks in the text, `|` escaped (GFM
 * splits cells before parsing spans). Entities are not decoded inside code spans, so nothing else is
 * escaped (`&lt;` there would show literally).
 */
export function markdownCode(text: string): string {
  const t = escapeControl(text).replace(/\|/g, '\\|');
  const ticks = t.match(/`+/g)?.reduce((m, s) => Math.max(m, s.length), 0) ?? 0;
  const fence = '`'.repeat(ticks + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ') && t.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/**
 * Markdown text for a table cell or list item: control characters escaped (a file name cannot start
 * a new row), HTML neutralized outside code, pipes never split the cell. Code spans already in the
 * text (`DEBUG=True`) are kept as code, their content untouched except for pipes.
 */
export function markdownText(text: string): string {
  const s = escapeControl(text);
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const tick = s.indexOf('`', i);
    if (tick < 0) break;
    let run = 1;
    while (s[tick + run] === '`') run++;
    const fence = '`'.repeat(run);
    // The span closes at the next run of exactly the same length (CommonMark).
    let close = -1;
    for (let j = s.indexOf(fence, tick + run); j >= 0; j = s.indexOf(fence, j + 1)) {
      if (s[j - 1] !== '`' && s[j + run] !== '`') {
        close = j;
        break;
      }
    }
    if (close < 0) {
      out.push(plain(s.slice(i, tick + run)));
      i = tick + run;
      continue;
    }
    out.push(plain(s.slice(i, tick)));
    out.push(s.slice(tick, close + run).replace(/\|/g, '\\|'));
    i = close + run;
  }
  out.push(plain(s.slice(i)));
  return out.join('');
}

function plain(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}
