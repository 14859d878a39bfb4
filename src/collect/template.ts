/**
 * The `template` collector: scripts and stylesheets a page template loads (Jinja, Django, ERB, EJS,
 * Handlebars, plain HTML).
 *
 * Templates are not well-formed HTML: template tags sit inside start tags and attribute values
 * (`<script src="{{ url_for('static', filename='a.js') }}">`, `<link {% if x %}rel="stylesheet"{% endif %}>`,
 * `<a href="<%= path %>">`), and `{# … #}` / `<%# … %>` comments hide markup. A conforming HTML
 * tokenizer would split those at the wrong places, and a regex over the whole file cannot tell a
 * tag in a comment or a `<script>` body from a real one. So this is a small tokenizer of its own:
 * it walks the text once, skips HTML and template comments, treats template delimiters as opaque
 * inside tags, reads attributes the way the HTML spec does (quoted, unquoted, valueless), and
 * jumps over raw-text elements (`<script>`, `<style>`, `<textarea>`, `<title>`).
 */
import type { Collector } from '../contracts/collector.js';
import type { EnvName } from '../contracts/types.js';
import type { TemplateFact } from '../facts/template.js';
import { lineStarts, positionAt } from '../lib/lines.js';

interface Attr {
  name: string;
  value: string | undefined;
  /** Offset of the attribute name. */
  at: number;
  /** Offset of the value's first character. */
  valueAt: number;
}

interface Tag {
  name: string;
  attrs: Attr[];
  at: number;
  /** Offset just after `>`. */
  end: number;
  selfClosing: boolean;
}

/** Template delimiters that are opaque inside tags and attribute values. */
const DELIMS: [string, string][] = [
  ['{{', '}}'],
  ['{%', '%}'],
  ['{#', '#}'],
  ['<%', '%>'],
  ['${', '}'],
];

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
const JS_TYPES = /^(|text\/javascript|application\/javascript|module|text\/ecmascript|application\/ecmascript|text\/jsx|text\/babel)$/i;

export function scanTemplate(content: string): { tags: Tag[]; bodies: Map<Tag, { text: string; at: number }> } {
  const tags: Tag[] = [];
  const bodies = new Map<Tag, { text: string; at: number }>();
  const n = content.length;
  let i = 0;
  const skipDelim = (pos: number): number => {
    for (const [open, close] of DELIMS) {
      if (content.startsWith(open, pos)) {
        const e = content.indexOf(close, pos + open.length);
        return e < 0 ? n : e + close.length;
      }
    }
    return -1;
  };
  while (i < n) {
    const lt = content.indexOf('<', i);
    // template comments outside tags can hide markup: {# <script src=…> #}
    const hash = content.indexOf('{#', i);
    const hbsc = content.indexOf('{{!', i);
    const candidates = [lt, hash, hbsc].filter((x) => x >= 0);
    if (!candidates.length) break;
    const next = Math.min(...candidates);
    if (next === hash) { const e = content.indexOf('#}', hash + 2); i = e < 0 ? n : e + 2; continue; }
    if (next === hbsc) { const close = content.startsWith('{{!--', hbsc) ? '--}}' : '}}'; const e = content.indexOf(close, hbsc + 3); i = e < 0 ? n : e + close.length; continue; }
    i = lt;
    if (content.startsWith('<!--', i)) { const e = content.indexOf('-->', i + 4); i = e < 0 ? n : e + 3; continue; }
    if (content.startsWith('<%', i)) { const e = content.indexOf('%>', i + 2); i = e < 0 ? n : e + 2; continue; }
    if (content.startsWith('<![CDATA[', i)) { const e = content.indexOf(']]>', i); i = e < 0 ? n : e + 3; continue; }
    if (content[i + 1] === '!' || content[i + 1] === '?' || content[i + 1] === '/') { const e = content.indexOf('>', i); i = e < 0 ? n : e + 1; continue; }
    const m = /^<([A-Za-z][A-Za-z0-9:-]*)/.exec(content.slice(i, i + 64));
    if (!m) { i++; continue; }
    const tag: Tag = { name: m[1]!.toLowerCase(), attrs: [], at: i, end: n, selfClosing: false };
    let j = i + m[0].length;
    // attributes
    while (j < n) {
      const c = content[j]!;
      if (/\s/.test(c)) { j++; continue; }
      if (c === '>') { j++; break; }
      if (c === '/' && content[j + 1] === '>') { tag.selfClosing = true; j += 2; break; }
      const d = skipDelim(j);
      if (d >= 0) { j = d; continue; }
      // attribute name: up to whitespace, '/', '>', '='
      const nameAt = j;
      while (j < n && !/[\s/>=]/.test(content[j]!)) {
        const dd = skipDelim(j);
        if (dd >= 0) { j = dd; continue; }
        j++;
      }
      if (j === nameAt) { j++; continue; } // a stray '/'
      const name = content.slice(nameAt, j).toLowerCase();
      let k = j;
      while (k < n && /\s/.test(content[k]!)) k++;
      if (content[k] !== '=') { tag.attrs.push({ name, value: undefined, at: nameAt, valueAt: nameAt }); continue; }
      k++;
      while (k < n && /\s/.test(content[k]!)) k++;
      const q = content[k];
      if (q === '"' || q === "'") {
        let e = k + 1;
        while (e < n && content[e] !== q) {
          const dd = skipDelim(e);
          if (dd >= 0) { e = dd; continue; }
          e++;
        }
        tag.attrs.push({ name, value: content.slice(k + 1, e), at: nameAt, valueAt: k + 1 });
        j = e + 1;
      } else {
        let e = k;
        while (e < n && !/[\s>]/.test(content[e]!)) {
          const dd = skipDelim(e);
          if (dd >= 0) { e = dd; continue; }
          e++;
        }
        tag.attrs.push({ name, value: content.slice(k, e), at: nameAt, valueAt: k });
        j = e;
      }
    }
    tag.end = Math.min(j, n);
    tags.push(tag);
    i = tag.end;
    if (RAW_TEXT.has(tag.name) && !tag.selfClosing) {
      const re = new RegExp(`</${tag.name}\\s*>`, 'ig');
      re.lastIndex = i;
      const close = re.exec(content);
      const bodyEnd = close ? close.index : n;
      bodies.set(tag, { text: content.slice(i, bodyEnd), at: i });
      i = close ? close.index + close[0].length : n;
    }
  }
  return { tags, bodies };
}

const TEMPLATE_MARK = /\{\{|\{%|<%|\$\{/;

/** Host and scheme of an absolute (or scheme-relative) URL whose host is literal. */
export function externalUrl(url: string): { host: string; scheme: 'https' | 'http' | '//' } | undefined {
  const m = /^\s*(https?:)?\/\/([^/?#\s]+)/i.exec(url);
  if (!m) return undefined;
  const host = m[2]!.replace(/^[^@]*@/, '').toLowerCase();
  if (TEMPLATE_MARK.test(host) || !/^[a-z0-9.\-:[\]]+$/.test(host)) return undefined;
  const scheme = m[1] ? (m[1].toLowerCase() === 'https:' ? 'https' : 'http') : '//';
  return { host: host.replace(/:(80|443)$/, ''), scheme };
}

export function parseTemplate(path: string, environment: EnvName, content: string): TemplateFact {
  const fact: TemplateFact = { file: path, environment, scripts: [], styles: [], inline: [] };
  const { tags, bodies } = scanTemplate(content);
  const starts = lineStarts(content);
  const at = (offset: number) => positionAt(starts, offset);
  for (const tag of tags) {
    const attr = (name: string) => tag.attrs.find((a) => a.name === name);
    const hasNonce = !!attr('nonce');
    if (tag.name === 'script') {
      const type = (attr('type')?.value ?? '').trim();
      if (!JS_TYPES.test(type) && !TEMPLATE_MARK.test(type)) continue; // data blocks and client-side templates do not execute
      const src = attr('src');
      if (src && src.value !== undefined) {
        const ext = externalUrl(src.value);
        if (ext) fact.scripts.push({ url: src.value.trim(), ...ext, tag: 'script', integrity: !!attr('integrity'), ...at(src.valueAt) });
      } else {
        const body = bodies.get(tag);
        if (body && body.text.trim()) fact.inline.push({ kind: 'script', hasNonce, ...at(tag.at) });
      }
    } else if (tag.name === 'link') {
      const rel = (attr('rel')?.value ?? '').toLowerCase().split(/\s+/);
      const href = attr('href');
      if (rel.includes('stylesheet') && href && href.value !== undefined) {
        const ext = externalUrl(href.value);
        if (ext) fact.styles.push({ url: href.value.trim(), ...ext, tag: 'link', integrity: !!attr('integrity'), ...at(href.valueAt) });
      }
    } else if (tag.name === 'style') {
      const body = bodies.get(tag);
      if (body && body.text.trim()) fact.inline.push({ kind: 'style', hasNonce, ...at(tag.at) });
    }
    for (const a of tag.attrs) {
      if (/^on[a-z]+$/.test(a.name) && a.value !== undefined && a.value.trim()) fact.inline.push({ kind: 'handler', hasNonce: false, attribute: a.name, ...at(a.at) });
    }
  }
  return fact;
}

const collector: Collector<'template'> = {
  fact: 'template',
  kinds: ['html'],
  collect(file) {
    return parseTemplate(file.path, file.environment, file.content);
  },
};
export default collector;
