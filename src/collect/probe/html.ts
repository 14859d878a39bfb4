/**
 * A small HTML tokenizer: start tags with their attributes, skipping comments, doctype and the
 * raw text of <script> / <style> / <textarea> / <title>. Enough to find forms, their inputs and
 * meta tags in a page without a DOM (the WHATWG tokenizer's states for tags and attributes).
 */

export interface StartTag {
  name: string;
  attrs: Record<string, string>;
  /** Offset of `<` in the text. */
  offset: number;
}

export type Token = { type: 'start'; tag: StartTag } | { type: 'end'; name: string; offset: number };

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);

function isNameChar(c: string): boolean {
  return c !== '' && !/[\s/>]/.test(c);
}

/** Tokenizes `html` into start / end tags. */
export function tokenize(html: string): Token[] {
  const out: Token[] = [];
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const end = html.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const closing = html[i + 1] === '/';
    let j = i + (closing ? 2 : 1);
    if (!/[A-Za-z]/.test(html[j] ?? '')) {
      i = j;
      continue;
    }
    const nameStart = j;
    while (j < n && isNameChar(html[j]!)) j++;
    const name = html.slice(nameStart, j).toLowerCase();
    const attrs: Record<string, string> = {};
    // Attributes until '>'.
    while (j < n && html[j] !== '>') {
      const c = html[j]!;
      if (/\s|\//.test(c)) {
        j++;
        continue;
      }
      const aStart = j;
      while (j < n && !/[\s/>=]/.test(html[j]!)) j++;
      const aName = html.slice(aStart, j).toLowerCase();
      while (j < n && /\s/.test(html[j]!)) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < n && /\s/.test(html[j]!)) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, j + 1);
          value = html.slice(j + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          const vStart = j;
          while (j < n && !/[\s>]/.test(html[j]!)) j++;
          value = html.slice(vStart, j);
        }
      }
      if (aName && !(aName in attrs)) attrs[aName] = decodeEntities(value);
    }
    i = j + 1;
    if (closing) out.push({ type: 'end', name, offset: lt });
    else {
      out.push({ type: 'start', tag: { name, attrs, offset: lt } });
      if (RAW_TEXT.has(name)) {
        const close = html.toLowerCase().indexOf(`</${name}`, i);
        i = close < 0 ? n : close;
      }
    }
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export interface FormInfo {
  action?: string;
  method: string;
  inputs: { name?: string; type: string; valueLength: number }[];
}

export interface PageInfo {
  forms: FormInfo[];
  /** `<meta name=…>` names whose name looks like a CSRF token holder. */
  csrfMeta: string[];
  /** Values of hidden inputs and csrf metas: tokens, registered with the masker. */
  tokenValues: string[];
}

/** Forms (with their inputs) and CSRF meta tags of a page. */
export function pageInfo(html: string): PageInfo {
  const forms: FormInfo[] = [];
  const csrfMeta: string[] = [];
  const tokenValues: string[] = [];
  let current: FormInfo | undefined;
  for (const t of tokenize(html)) {
    if (t.type === 'end') {
      if (t.name === 'form') current = undefined;
      continue;
    }
    const { name, attrs } = t.tag;
    if (name === 'form') {
      current = { action: attrs.action, method: (attrs.method || 'get').toLowerCase(), inputs: [] };
      forms.push(current);
    } else if ((name === 'input' || name === 'button' || name === 'select' || name === 'textarea') && current) {
      const type = name === 'input' ? (attrs.type || 'text').toLowerCase() : name;
      const value = attrs.value ?? '';
      current.inputs.push({ ...(attrs.name !== undefined ? { name: attrs.name } : {}), type, valueLength: value.length });
      if (type === 'hidden' && value) tokenValues.push(value);
    } else if (name === 'meta') {
      const metaName = (attrs.name ?? '').toLowerCase();
      if (/csrf|xsrf/.test(metaName)) {
        csrfMeta.push(metaName);
        if (attrs.content) tokenValues.push(attrs.content);
      }
    }
  }
  return { forms, csrfMeta, tokenValues };
}
