/**
 * Helpers over resolved Terraform values, for the collector and the tf-aws rules. Every helper
 * answers `undefined` for unknown values: callers must not guess.
 */
import { UNKNOWN_MARK, type Loc, type TfAttr, type TfBlock, type TfBody, type TfEntry, type TfObject, type TfValue } from './types.js';

/** The string of a known string value (numbers and bools as their text). */
export function str(v: TfValue | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'string') return v.value;
  if (v.kind === 'number') return String(v.value);
  if (v.kind === 'bool') return String(v.value);
  return undefined;
}

/** A known string, or the partially known text of a template with `UNKNOWN_MARK` where parts are unknown. */
export function textOf(v: TfValue | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'unknown') return v.partial;
  return str(v);
}

/** A known boolean (also "true" / "false" strings, as Terraform converts them). */
export function bool(v: TfValue | undefined): boolean | undefined {
  if (!v) return undefined;
  if (v.kind === 'bool') return v.value;
  if (v.kind === 'string') {
    if (v.value === 'true') return true;
    if (v.value === 'false') return false;
  }
  return undefined;
}

/** A known number (also numeric strings). */
export function num(v: TfValue | undefined): number | undefined {
  if (!v) return undefined;
  if (v.kind === 'number') return v.value;
  if (v.kind === 'string' && /^-?\d+(\.\d+)?$/.test(v.value.trim())) return Number(v.value);
  return undefined;
}

/** Items of a known list (a single value counts as a one-item list, as IAM JSON allows). */
export function items(v: TfValue | undefined): TfValue[] | undefined {
  if (!v) return undefined;
  if (v.kind === 'list') return v.items;
  if (v.kind === 'unknown' || v.kind === 'null') return undefined;
  return [v];
}

/** Known strings of a list; undefined when the list or any item is unknown. */
export function strings(v: TfValue | undefined): string[] | undefined {
  const it = items(v);
  if (!it) return undefined;
  const out: string[] = [];
  for (const x of it) {
    const s = str(x);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

/** The entry `key` of a known object. */
export function entry(v: TfValue | undefined, key: string): TfEntry | undefined {
  if (!v || v.kind !== 'object') return undefined;
  for (let i = v.entries.length - 1; i >= 0; i--) if (v.entries[i]!.key === key) return v.entries[i];
  return undefined;
}

/** The entry `key` of an object, matching the key without regard to case (IAM JSON keys). */
export function entryCI(v: TfValue | undefined, key: string): TfEntry | undefined {
  if (!v || v.kind !== 'object') return undefined;
  const k = key.toLowerCase();
  for (let i = v.entries.length - 1; i >= 0; i--) if (v.entries[i]!.key.toLowerCase() === k) return v.entries[i];
  return undefined;
}

export function isObject(v: TfValue | undefined): v is TfObject {
  return !!v && v.kind === 'object';
}

export function isKnown(v: TfValue | undefined): boolean {
  return !!v && v.kind !== 'unknown';
}

/** An attribute that is absent or set to null (Terraform then uses the provider default). */
export function isUnset(a: TfAttr | undefined): boolean {
  return !a || a.value.kind === 'null';
}

/** Nested blocks of a type (dynamic blocks included, expanded when their for_each was known). */
export function blocks(body: TfBody | undefined, type: string): TfBlock[] {
  return body ? body.blocks.filter((b) => b.type === type) : [];
}

/** The attribute at a path of nested blocks: `attrAt(body, 'image_scanning_configuration', 'scan_on_push')` (first block). */
export function attrAt(body: TfBody | undefined, ...path: string[]): TfAttr | undefined {
  let b: TfBody | undefined = body;
  for (let i = 0; i < path.length - 1; i++) {
    b = blocks(b, path[i]!)[0]?.body;
    if (!b) return undefined;
  }
  return b?.attrs[path[path.length - 1]!];
}

/** Does the value reference resource / data / module `id` (through any variable or local)? */
export function refersTo(v: TfValue | undefined, id: string): boolean {
  if (!v?.refs) return false;
  return v.refs.some((r) => r === id || r.startsWith(id + '.'));
}

/** The attributes of `id` the value references (`secret`, `arn` …). */
export function refAttrs(v: TfValue | undefined, id: string): string[] {
  if (!v?.refs) return [];
  return v.refs.filter((r) => r.startsWith(id + '.')).map((r) => r.slice(id.length + 1));
}

/** Resource ids the value references. */
export function refIds(v: TfValue | undefined): string[] {
  if (!v?.refs) return [];
  const out = new Set<string>();
  for (const r of v.refs) {
    // `<dir>|<type>.<name>[.<attr>]`, `<dir>|data.<type>.<name>[.<attr>]`, `<dir>|module.<name>[.<out>]`
    const bar = r.indexOf('|');
    const rest = r.slice(bar + 1).split('.');
    const n = rest[0] === 'data' ? 3 : 2;
    out.add(r.slice(0, bar + 1) + rest.slice(0, n).join('.'));
  }
  return [...out];
}

/** Every value inside `v` (itself, list items, object entries), depth first. */
export function* walk(v: TfValue): Generator<{ value: TfValue; key?: string }> {
  yield { value: v };
  if (v.kind === 'list') for (const x of v.items) yield* walk(x);
  else if (v.kind === 'object') {
    for (const e of v.entries) {
      for (const inner of walk(e.value)) yield inner.key === undefined && inner.value === e.value ? { value: e.value, key: e.key } : inner;
    }
  }
}

/** Every attribute of a body and its nested blocks. */
export function* allAttrs(body: TfBody): Generator<TfAttr> {
  for (const a of Object.values(body.attrs)) if (a) yield a;
  for (const b of body.blocks) yield* allAttrs(b.body);
}

/** Deep equality of known values (unknown never equals anything). */
export function sameValue(a: TfValue, b: TfValue): boolean {
  if (a.kind === 'unknown' || b.kind === 'unknown') return false;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return a.value === (b as typeof a).value;
    case 'null':
      return true;
    case 'list': {
      const bi = (b as typeof a).items;
      return a.items.length === bi.length && a.items.every((x, i) => sameValue(x, bi[i]!));
    }
    case 'object': {
      const be = (b as typeof a).entries;
      return a.entries.length === be.length && a.entries.every((e) => {
        const o = be.find((x) => x.key === e.key);
        return !!o && sameValue(e.value, o.value);
      });
    }
  }
}

/** Where to point for a value: its own location, else the attribute's. */
export function locOf(v: TfValue | undefined, fallback: Loc): Loc {
  return v?.loc ?? fallback;
}

/** `"a.tf:12"` for messages. */
export function where(loc: Loc): string {
  return `${loc.file}:${loc.line}`;
}

export { UNKNOWN_MARK };
