/**
 * The spec that applies to a variable (honban.yml's schema, else honban's catalog) and value checks
 * for every schema keyword.
 */
import { linearRegExp, type LinearRegExp } from './linear-regex.js';
import type { Localized } from '../contracts/types.js';
import { parseBoolean } from './values.js';
import type { EffectiveSpec, VarSpec } from '../contracts/config.js';

/** The schema constrains the value itself (equals / values / forbid / pattern / min / max): the catalog's value rules stay silent. */
export function schemaControlsValue(spec: EffectiveSpec | undefined): boolean {
  return (
    !!spec &&
    spec.origin === 'schema' &&
    (spec.equals !== undefined || spec.values !== undefined || spec.forbid !== undefined || spec.pattern !== undefined || spec.min !== undefined || spec.max !== undefined)
  );
}

/** Compares a value with a schema literal: booleans by meaning, numbers numerically, strings exactly. */
export function sameValue(value: string, expected: string | number | boolean): boolean {
  if (typeof expected === 'boolean') return parseBoolean(value) === expected;
  if (typeof expected === 'number') return value.trim() !== '' && Number(value.trim()) === expected;
  return value === expected;
}

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export interface ValueProblem {
  keyword: keyof VarSpec;
  text: Localized;
}

/** The scheme of a URL-like value (`postgresql`), lower case. */
export function urlScheme(value: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(value.trim())?.[1]?.toLowerCase();
}

function isUrl(value: string): boolean {
  const v = value.trim();
  if (!urlScheme(v)) return false;
  try {
    const u = new URL(v);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && !u.hostname) return false;
    return true;
  } catch {
    return false;
  }
}

/**
 * Every keyword of `spec` that `value` breaks, except `required` / `recommended` (presence) and
 * `forbid` (its own rule). Texts never contain the value.
 */
export function checkValue(value: string, spec: VarSpec, opts: { secret?: boolean } = {}): ValueProblem[] {
  const out: ValueProblem[] = [];
  const v = value.trim();
  const num = Number(v);
  switch (spec.type) {
    case 'boolean':
      if (parseBoolean(v) === undefined) out.push({ keyword: 'type', text: { en: 'is not a boolean (use true/false, 1/0, yes/no or on/off)', ja: 'が真偽値ではありません (true/false、1/0、yes/no、on/off のいずれか)' } });
      break;
    case 'integer':
      if (!INTEGER.test(v)) out.push({ keyword: 'type', text: { en: 'is not an integer', ja: 'が整数ではありません' } });
      break;
    case 'number':
      if (!NUMBER.test(v)) out.push({ keyword: 'type', text: { en: 'is not a number', ja: 'が数値ではありません' } });
      break;
    case 'port':
      if (!INTEGER.test(v) || num < 1 || num > 65535) out.push({ keyword: 'type', text: { en: 'is not a port number (1–65535)', ja: 'がポート番号 (1〜65535) ではありません' } });
      break;
    case 'url':
      if (!isUrl(v)) out.push({ keyword: 'type', text: { en: 'is not a URL (scheme://host…)', ja: 'が URL (scheme://host…) ではありません' } });
      break;
    case 'email':
      if (!EMAIL.test(v)) out.push({ keyword: 'type', text: { en: 'is not an e-mail address', ja: 'がメールアドレスではありません' } });
      break;
    case 'enum':
      break;
    default:
      break;
  }
  if (spec.schemes && spec.schemes.length && (spec.type === 'url' || spec.type === undefined) && v) {
    const scheme = urlScheme(v);
    const allowed = spec.schemes.map((s) => s.toLowerCase().replace(/:?\/*$/, ''));
    if (!scheme || !allowed.includes(scheme)) {
      out.push({ keyword: 'schemes', text: { en: `uses ${scheme ? `the scheme "${scheme}"` : 'no scheme'}; allowed: ${allowed.join(', ')}`, ja: `のスキームが ${scheme ? `「${scheme}」` : 'ありません'}。許可: ${allowed.join(', ')}` } });
    }
  }
  if (spec.values && spec.values.length && !spec.values.some((x) => sameValue(v, x))) {
    const list = opts.secret ? '' : ` (${spec.values.map(String).join(', ')})`;
    out.push({ keyword: 'values', text: { en: `is not one of the allowed values${list}`, ja: `が許可された値${list}のいずれでもありません` } });
  }
  if (spec.equals !== undefined && !sameValue(v, spec.equals)) {
    if (opts.secret) out.push({ keyword: 'equals', text: { en: 'is not the value the schema requires (equals)', ja: 'がスキーマの要求する値 (equals) ではありません' } });
    else out.push({ keyword: 'equals', text: { en: `must be ${String(spec.equals)}`, ja: `は ${String(spec.equals)} である必要があります` } });
  }
  const len = [...value].length;
  if (spec.minLength !== undefined && len < spec.minLength) {
    out.push({ keyword: 'minLength', text: { en: `is too short (${len} characters; at least ${spec.minLength})`, ja: `が短すぎます (${len} 文字。${spec.minLength} 文字以上が必要)` } });
  }
  if (spec.maxLength !== undefined && len > spec.maxLength) {
    out.push({ keyword: 'maxLength', text: { en: `is too long (${len} characters; at most ${spec.maxLength})`, ja: `が長すぎます (${len} 文字。${spec.maxLength} 文字以下)` } });
  }
  const numeric = NUMBER.test(v);
  if (spec.min !== undefined) {
    if (!numeric) {
      if (!out.some((p) => p.keyword === 'type')) out.push({ keyword: 'min', text: { en: `is not a number (must be at least ${spec.min})`, ja: `が数値ではありません (${spec.min} 以上が必要)` } });
    } else if (num < spec.min) out.push({ keyword: 'min', text: { en: `is below the minimum ${spec.min}`, ja: `が最小値 ${spec.min} を下回っています` } });
  }
  if (spec.max !== undefined) {
    if (!numeric) {
      if (!out.some((p) => p.keyword === 'type' || p.keyword === 'min')) out.push({ keyword: 'max', text: { en: `is not a number (must be at most ${spec.max})`, ja: `が数値ではありません (${spec.max} 以下が必要)` } });
    } else if (num > spec.max) out.push({ keyword: 'max', text: { en: `is above the maximum ${spec.max}`, ja: `が最大値 ${spec.max} を超えています` } });
  }
  if (spec.pattern !== undefined) {
    // Linear-time matching (RE2): honban.yml may come from the repository being checked.
    let re: LinearRegExp | undefined;
    try {
      re = linearRegExp(spec.pattern);
    } catch {
      re = undefined; // loadConfig already rejects invalid patterns
    }
    if (re && !re.test(value)) out.push({ keyword: 'pattern', text: { en: `does not match the pattern ${spec.pattern}`, ja: `がパターン ${spec.pattern} に一致しません` } });
  }
  return out;
}

/** The `forbid` entry the value equals (strings also compared case-insensitively), if any. */
export function forbiddenMatch(value: string, spec: VarSpec): string | number | boolean | undefined {
  for (const f of spec.forbid ?? []) {
    if (sameValue(value, f)) return f;
    if (typeof f === 'string' && value.trim().toLowerCase() === f.trim().toLowerCase()) return f;
  }
  return undefined;
}
