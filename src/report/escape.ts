/**
 * Escaping for every output format, in one place. Reporters never build markup from raw text: file
 * names, messages and reasons come from scanned repositories and live sites.
 */

/** C0 controls except tab / newline / carriage return, DEL, C1 controls; and what XML 1.0 forbids. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content of an XML element: markup escaped, characters XML cannot carry removed. */
export function xmlText(s: string): string {
  return s.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An XML attribute value (double-quoted): as text, plus quotes, and line breaks kept as references. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/**
 * GitHub workflow commands (`::error file=…,line=…::message`): the message escapes % CR LF; property
 * values additionally : and , (the same escaping as @actions/core).
 */
export function ghData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function ghProperty(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A Markdown inline code span that shows `s` literally, also inside a table cell: a backtick fence
 * longer than any run of backticks in `s`, `|` escaped (GFM splits cells before parsing spans), line
 * breaks as spaces. Entities are not decoded inside code spans, so nothing else is escaped.
 */
export function mdCode(s: string): string {
  const flat = s.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
  let longest = 0;
  for (const m of flat.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Markdown text for a table cell: HTML cannot start (`<` → `&lt;`), pipes do not split the cell, line
 * breaks become `<br>`. Code spans already in the text (`DEBUG=True`) are kept as code, their content
 * untouched except for pipes: `&lt;` inside a code span would show literally.
 */
export function mdText(s: string): string {
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
    out.push(s.slice(tick, close + run).replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|'));
    i = close + run;
  }
  out.push(plain(s.slice(i)));
  return out.join('');
}

function plain(s: string): string {
  return s.replace(/</g, '&lt;').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, '<br>');
}
