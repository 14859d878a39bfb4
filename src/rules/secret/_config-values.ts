/**
 * Key / value pairs of configuration files no other domain reads (not a rule): YAML and JSON
 * through the `yaml` library (JSON is YAML 1.2) with exact positions, and the line-oriented
 * `key = value` / `key: value` formats (.ini, .cfg, .conf, .cnf, .properties, .toml, .npmrc,
 * .pypirc). Only string values are returned; references and tagged values are marked.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { FileFact } from '../../facts/file.js';

export interface ConfigValue {
  /** Dotted path (`database.password`, `[smtp] password` → `smtp.password`). */
  path: string;
  /** The last key of the path: what the secret-name check judges. */
  key: string;
  value: string;
  line: number;
  column: number;
  /** The value carries a YAML tag (`!vault`, `!Ref`, `!Sub`): resolved by a tool, not a literal. */
  tagged?: boolean;
}

/** Line-oriented formats, by extension or file name. */
const LINE_EXT = new Set(['ini', 'cfg', 'conf', 'cnf', 'properties', 'toml']);
const LINE_NAMES = new Set(['.npmrc', '.pypirc', '.yarnrc', 'pip.conf', '.pgpass.conf']);

/** The files this module reads: plain YAML / JSON and the line-oriented formats above. */
export function configFormat(f: Pick<FileFact, 'file' | 'kind'>): 'yaml' | 'lines' | undefined {
  if (f.kind === 'yaml' || f.kind === 'json') return 'yaml';
  if (f.kind !== 'text') return undefined;
  const base = f.file.slice(f.file.lastIndexOf('/') + 1).toLowerCase();
  if (LINE_NAMES.has(base)) return 'lines';
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  return LINE_EXT.has(ext) ? 'lines' : undefined;
}

/** Fast pre-filter: a file without any secret-like word cannot have a secret-named key. */
const SECRETISH = /secret|passw|passwd|pwd|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|auth[_-]?key|credential|signing|encryption|master[_-]?key|session[_-]?key|salt|dsn|webhook|connection[_-]?string/i;

export function configValues(f: Pick<FileFact, 'file' | 'kind' | 'content'>): ConfigValue[] {
  const format = configFormat(f);
  if (!format || !SECRETISH.test(f.content)) return [];
  return format === 'yaml' ? yamlValues(f.content) : lineValues(f.content);
}

function yamlValues(content: string): ConfigValue[] {
  const lc = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(content, { lineCounter: lc, uniqueKeys: false, prettyErrors: false, strict: false });
  } catch {
    return [];
  }
  if (!Array.isArray(docs)) return [];
  const out: ConfigValue[] = [];
  const visit = (node: unknown, path: string[], depth: number) => {
    if (depth > 64 || !node) return;
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const k = isScalar(item.key) ? String(item.key.value) : undefined;
        if (k === undefined) continue;
        const v = item.value as Node | null;
        if (isScalar(v) && typeof v.value === 'string' && v.range) {
          const pos = lc.linePos(v.range[0]);
          const tag = v.tag && !v.tag.startsWith('tag:yaml.org') ? true : undefined;
          out.push({ path: [...path, k].join('.'), key: k, value: v.value, line: pos.line, column: pos.col, ...(tag ? { tagged: true } : {}) });
        } else if (isSeq(v)) {
          for (const it of v.items) {
            if (isScalar(it) && typeof it.value === 'string' && it.range) {
              const pos = lc.linePos(it.range[0]);
              const tag = it.tag && !it.tag.startsWith('tag:yaml.org') ? true : undefined;
              out.push({ path: [...path, k].join('.'), key: k, value: it.value, line: pos.line, column: pos.col, ...(tag ? { tagged: true } : {}) });
            } else visit(it, [...path, k], depth + 1);
          }
        } else {
          visit(v, [...path, k], depth + 1);
        }
      }
    } else if (isSeq(node)) {
      for (const it of node.items) visit(it, path, depth + 1);
    }
  };
  // A document that is not valid YAML/JSON (a Go/Helm template) is not ours to report.
  for (const d of docs) if (!d.errors.length) visit(d.contents, [], 0);
  return out;
}

/** `key = value` and `key: value` lines under optional `[section]` headers. */
function lineValues(content: string): ConfigValue[] {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const lines = text.split(/\r\n|\r|\n/);
  const out: ConfigValue[] = [];
  let section = '';
  let inMultiline: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (inMultiline) {
      if (raw.includes(inMultiline)) inMultiline = undefined;
      continue;
    }
    const trimmed = raw.trim();
    if (!trimmed || /^[#;!]/.test(trimmed)) continue;
    const sec = /^\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:[#;].*)?$/.exec(trimmed);
    if (sec) {
      section = sec[1]!.replace(/^["']|["']$/g, '');
      continue;
    }
    // `key = value` (keys may hold `:` and `/`, as .npmrc's `//host/:_authToken`), else `key: value`.
    const m = /^(\s*)("[^"]+"|'[^']+'|[A-Za-z0-9_.\-/:@]+)\s*=\s*/.exec(raw) ?? /^(\s*)("[^"]+"|'[^']+'|[A-Za-z0-9_.\-/@]+)\s*:\s+/.exec(raw);
    if (!m) continue;
    const key = m[2]!.replace(/^["']|["']$/g, '');
    const start = m[0].length;
    let rest = raw.slice(start);
    let col = start + 1;
    let value: string;
    if (rest.startsWith('"""') || rest.startsWith("'''")) {
      const q = rest.slice(0, 3);
      if (rest.indexOf(q, 3) < 0) inMultiline = q;
      continue; // multi-line strings: not a one-line secret
    }
    if (rest.startsWith('"')) {
      const end = findClosing(rest, '"');
      if (end < 0) continue;
      value = rest.slice(1, end).replace(/\\(["\\])/g, '$1');
      col += 1;
    } else if (rest.startsWith("'")) {
      const end = rest.indexOf("'", 1);
      if (end < 0) continue;
      value = rest.slice(1, end);
      col += 1;
    } else {
      // Inline comments need a blank before them (`pass=a#b` keeps its `#`).
      rest = rest.replace(/\s+[#;].*$/, '');
      value = rest.trim();
    }
    const lastKey = key.includes('.') ? key.slice(key.lastIndexOf('.') + 1) : key;
    // .npmrc: `//registry.npmjs.org/:_authToken=…` → key `_authToken`.
    const npmKey = /:(_[A-Za-z]+)$/.exec(key)?.[1];
    out.push({ path: section ? `${section}.${key}` : key, key: npmKey ?? lastKey, value, line: i + 1, column: col });
  }
  return out;
}

function findClosing(s: string, q: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === q) return i;
  }
  return -1;
}
