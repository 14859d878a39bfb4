/**
 * A small JSON parser that keeps positions: JSON bodies written as strings or heredocs (IAM
 * policies, ECS container definitions) become `TfValue` structures whose every value points back at
 * the line it is written on. `UNKNOWN_MARK` characters (unresolved `${…}` parts) are allowed inside
 * strings (→ partially known string) and in value position (→ unknown value).
 */
import { UNKNOWN_MARK, type CharMap, type Loc, type TfEntry, type TfValue } from '../../facts/terraform/types.js';

class JsonError extends Error {}

/** Parses `text`; positions come from `map` (or `fallback` when the text has no map). Undefined when not JSON. */
export function parseJsonValue(text: string, map: CharMap | undefined, fallback: Loc, refs?: string[]): TfValue | undefined {
  let i = 0;
  const n = text.length;
  const locAt = (k: number): Loc => (map ? map.loc(k) : fallback);
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const str = (): string => {
    if (text[i] !== '"') throw new JsonError('expected string');
    i++;
    let s = '';
    while (i < n) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return s;
      }
      if (ch === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          s += simple[e];
          i += 2;
          continue;
        }
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonError('bad escape');
          s += String.fromCharCode(parseInt(hex, 16));
          i += 6;
          continue;
        }
        throw new JsonError('bad escape');
      }
      if (ch.charCodeAt(0) < 32) throw new JsonError('control character in string');
      s += ch;
      i++;
    }
    throw new JsonError('unterminated string');
  };
  const value = (): TfValue => {
    ws();
    const start = i;
    const loc = locAt(start);
    const ch = text[i];
    if (ch === '{') {
      i++;
      const entries: TfEntry[] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', entries, loc };
      }
      for (;;) {
        ws();
        const keyLoc = locAt(i);
        const key = str();
        ws();
        if (text[i] !== ':') throw new JsonError('expected :');
        i++;
        const v = value();
        entries.push({ key, keyLoc, value: v });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'object', entries, loc };
        }
        throw new JsonError('expected , or }');
      }
    }
    if (ch === '[') {
      i++;
      const items: TfValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { kind: 'list', items, loc };
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'list', items, loc };
        }
        throw new JsonError('expected , or ]');
      }
    }
    if (ch === '"') {
      const s = str();
      if (s.includes(UNKNOWN_MARK)) return { kind: 'unknown', partial: s, loc, refs };
      return { kind: 'string', value: s, loc };
    }
    if (ch === UNKNOWN_MARK) {
      while (text[i] === UNKNOWN_MARK) i++;
      return { kind: 'unknown', loc, refs };
    }
    if (text.startsWith('true', i)) {
      i += 4;
      return { kind: 'bool', value: true, loc };
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return { kind: 'bool', value: false, loc };
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return { kind: 'null', loc };
    }
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(text.slice(i, i + 64));
    if (m) {
      i += m[0].length;
      return { kind: 'number', value: Number(m[0]), loc };
    }
    throw new JsonError('unexpected character');
  };
  try {
    ws();
    if (text[i] !== '{' && text[i] !== '[') return undefined;
    const v = value();
    ws();
    if (i !== n) return undefined;
    return v;
  } catch (e) {
    if (e instanceof JsonError) return undefined;
    throw e;
  }
}
