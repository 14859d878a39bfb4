/**
 * Python literal helpers over tree-sitter nodes: string decoding, numbers, truthiness, and the
 * small evaluator's operations on resolved values. No judging here.
 */
import type { LiteNode as TSNode } from '../lite-tree.js';
import type { PyLiteral } from '../../facts/python/types.js';

/** Decodes Python escape sequences (for non-raw strings). */
export function decodeEscapes(s: string, bytes: boolean): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== '\\' || i === s.length - 1) {
      out += ch;
      continue;
    }
    const n = s[++i]!;
    switch (n) {
      case '\n': break; // line continuation
      case '\r': if (s[i + 1] === '\n') i++; break;
      case '\\': out += '\\'; break;
      case "'": out += "'"; break;
      case '"': out += '"'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': {
        const h = s.slice(i + 1, i + 3);
        if (/^[0-9a-fA-F]{2}$/.test(h)) { out += String.fromCharCode(parseInt(h, 16)); i += 2; } else out += '\\x';
        break;
      }
      case 'u':
      case 'U': {
        const len = n === 'u' ? 4 : 8;
        const h = s.slice(i + 1, i + 1 + len);
        if (!bytes && new RegExp(`^[0-9a-fA-F]{${len}}$`).test(h)) {
          const cp = parseInt(h, 16);
          out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
          i += len;
        } else out += '\\' + n;
        break;
      }
      default:
        if (/[0-7]/.test(n)) {
          let oct = n;
          while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
          out += String.fromCharCode(parseInt(oct, 8));
        } else out += '\\' + n; // unknown escapes keep the backslash, as Python does
    }
  }
  return out;
}

/**
 * The value of a `string` or `concatenated_string` node, or undefined when it is not a plain
 * literal (an f-string with interpolations).
 */
export function stringValue(node: TSNode): string | undefined {
  if (node.type === 'concatenated_string') {
    let out = '';
    for (const c of node.namedChildren) {
      if (!c) continue;
      const v = stringValue(c);
      if (v === undefined) return undefined;
      out += v;
    }
    return out;
  }
  if (node.type !== 'string') return undefined;
  const start = node.namedChildren.find((c) => c?.type === 'string_start');
  const end = node.namedChildren.find((c) => c?.type === 'string_end');
  if (!start || !end) return undefined;
  if (node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  const prefix = start.text.replace(/['"]+$/, '').toLowerCase();
  const raw = prefix.includes('r');
  const bytes = prefix.includes('b');
  const isF = prefix.includes('f');
  const text = node.text;
  let body = text.slice(start.endIndex - node.startIndex, end.startIndex - node.startIndex);
  if (isF) body = body.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  return raw ? body : decodeEscapes(body, bytes);
}

/** An integer / float literal's value. */
export function numberValue(node: TSNode): number | undefined {
  const t = node.text.replace(/_/g, '').toLowerCase();
  if (node.type === 'integer') {
    if (/^0x[0-9a-f]+$/.test(t)) return parseInt(t.slice(2), 16);
    if (/^0o[0-7]+$/.test(t)) return parseInt(t.slice(2), 8);
    if (/^0b[01]+$/.test(t)) return parseInt(t.slice(2), 2);
    if (/^\d+l?$/.test(t)) return parseInt(t, 10);
    return undefined;
  }
  if (node.type === 'float') {
    if (t.endsWith('j')) return undefined;
    const v = Number(t);
    return Number.isFinite(v) ? v : undefined;
  }
  return undefined;
}

/** `str(v)` in Python. */
export function pyStr(v: PyLiteral): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** Python `==` over resolved values. */
export function pyEquals(a: PyLiteral, b: PyLiteral): boolean {
  if (typeof a === 'boolean' && typeof b === 'number') return (a ? 1 : 0) === b;
  if (typeof b === 'boolean' && typeof a === 'number') return (b ? 1 : 0) === a;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => pyEquals(x, b[i]!));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && pyEquals(a[k]!, b[k]!));
  }
  return a === b;
}

/** Python `a in b`; undefined when unknown. */
export function pyIn(a: PyLiteral, b: PyLiteral): boolean | undefined {
  if (typeof b === 'string') return typeof a === 'string' ? b.includes(a) : undefined;
  if (Array.isArray(b)) return b.some((x) => pyEquals(a, x));
  if (b && typeof b === 'object') return typeof a === 'string' ? a in b : false;
  return undefined;
}

/** Casts used by env helpers (django-environ, python-decouple, pydantic): resolved default → typed. */
export function castValue(v: PyLiteral, cast: string | undefined): PyLiteral | undefined {
  if (cast === undefined || v === null) return v;
  switch (cast) {
    case 'bool': {
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return v !== 0;
      if (typeof v === 'string') {
        const t = v.trim().toLowerCase();
        if (['1', 'true', 'yes', 'y', 'on', 'ok', 't'].includes(t)) return true;
        if (['0', 'false', 'no', 'n', 'off', 'f', ''].includes(t)) return false;
        return undefined; // decouple raises, django-environ says False: unknown
      }
      return undefined;
    }
    case 'int': {
      if (typeof v === 'number') return Math.trunc(v);
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v)) return parseInt(v, 10);
      return undefined;
    }
    case 'float': {
      if (typeof v === 'number') return v;
      if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
      return undefined;
    }
    case 'str':
      return pyStr(v);
    case 'list':
      if (Array.isArray(v)) return v;
      if (typeof v === 'string') return v === '' ? [] : v.split(',').map((s) => s.trim());
      return undefined;
    default:
      return v;
  }
}
