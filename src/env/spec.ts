/**
 * The variable schema (honban.yml `variables:`): the spec that applies to a key in one environment,
 * where it was declared, and value checks for every keyword.
 */
import { linearRegExp, type LinearRegExp } from '../core/linear-regex.js';
import type { HonbanConfig } from '../config/load.js';
import { normalizeEnvName } from '../core/environment.js';
import type { EnvName, Localized } from '../core/types.js';
import { parseBoolean } from '../core/values.js';
import { catalogEntry } from './catalog.js';
import type { EffectiveSpec, VarSpec } from './types.js';

export interface Pos {
  line: number;
  column: number;
}

/** Lines of `variables.KEY` and `variables.KEY.environments.ENV` in honban.yml. */
export interface SchemaPositions {
  file?: string;
  keys: Map<string, Pos>;
  overrides: Map<string, Pos>;
}

/** Finds where each variable is declared in honban.yml (for findings about absent variables). */
export async function schemaPositions(file: string | undefined, text: string | undefined, displayFile?: string): Promise<SchemaPositions> {
  const out: SchemaPositions = { file: displayFile ?? file, keys: new Map(), overrides: new Map() };
  if (!text) return out;
  const { parseDocument, LineCounter, isMap, isScalar } = await import('yaml');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const vars = doc.get('variables', true);
  if (!isMap(vars)) return out;
  for (const item of vars.items) {
    if (!isScalar(item.key) || !item.key.range) continue;
    const key = String(item.key.value);
    const p = lc.linePos(item.key.range[0]);
    out.keys.set(key, { line: p.line, column: p.col });
    if (isMap(item.value)) {
      const envs = item.value.get('environments', true);
      if (isMap(envs)) {
        for (const e of envs.items) {
          if (!isScalar(e.key) || !e.key.range) continue;
          const ep = lc.linePos(e.key.range[0]);
          out.overrides.set(`${key}\0${String(e.key.value)}`, { line: ep.line, column: ep.col });
        }
      }
    }
  }
  return out;
}

function pick(spec: Record<string, unknown>): VarSpec {
  const { environments: _e, ...rest } = spec;
  return rest as VarSpec;
}

/** The schema's spec of `key` in `env` (base merged with the environment's override), or undefined. */
export function schemaSpec(key: string, config: HonbanConfig, env: EnvName, pos?: SchemaPositions): EffectiveSpec | undefined {
  const declared = config.variables?.[key];
  if (!declared) return undefined;
  const spec: EffectiveSpec = { ...pick(declared), origin: 'schema' };
  const p = pos?.keys.get(key);
  if (p && pos?.file) spec.declaredIn = { file: pos.file, line: p.line, column: p.column };
  const overrides = declared.environments ?? {};
  const aliases = [env, ...(config.environments?.[env]?.aliases ?? [])];
  const name = Object.keys(overrides).find((o) => aliases.includes(o)) ?? Object.keys(overrides).find((o) => normalizeEnvName(o) === env);
  if (name) {
    Object.assign(spec, pick(overrides[name]!));
    spec.override = name;
    const op = pos?.overrides.get(`${key}\0${name}`);
    if (op && pos?.file) spec.declaredIn = { file: pos.file, line: op.line, column: op.column };
  }
  return spec;
}

/** The catalog's spec of `key` in `env` (production expectations apply to production). */
export function catalogSpec(key: string, env: EnvName): EffectiveSpec | undefined {
  const e = catalogEntry(key);
  if (!e) return undefined;
  const spec: EffectiveSpec = { ...e.spec, origin: 'catalog' };
  // Only presence expectations of production become part of the checked spec; value
  // expectations (equals false for DEBUG …) are judged by the dedicated rules, which explain why.
  if (env === 'production' && e.production?.recommended) spec.recommended = true;
  if (env === 'production' && e.production?.forbid) spec.forbid = e.production.forbid;
  return spec;
}

/** The spec a key is checked against: the schema's when declared, else the catalog's. */
export function effectiveSpec(key: string, config: HonbanConfig, env: EnvName, pos?: SchemaPositions): EffectiveSpec | undefined {
  return schemaSpec(key, config, env, pos) ?? catalogSpec(key, env);
}

/** Does honban.yml declare any variable? */
export function hasSchema(config: HonbanConfig): boolean {
  return Object.keys(config.variables ?? {}).length > 0;
}

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
