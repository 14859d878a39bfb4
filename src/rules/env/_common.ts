/** Shared helpers of the `env` rules (honban env): locations and safe value display. */
import type { ReportInput } from '../../contracts/types.js';
import { catalogEntry, type CatalogRole } from '../../lib/env-catalog.js';
import { displayValue } from '../../lib/redact.js';
import { schemaControlsValue } from '../../lib/env-spec.js';
import type { EnvVarFact } from '../../facts/env.js';

/** Where a finding about a resolved variable points: the definition that won. */
export function at(v: EnvVarFact): Pick<ReportInput, 'file' | 'line' | 'column' | 'key'> {
  return { file: v.file, ...(v.line ? { line: v.line, column: v.column } : {}), key: v.key };
}

/** Set to something (not empty, every reference resolved). */
export function isSet(v: EnvVarFact): boolean {
  return v.value.trim() !== '' && v.unresolved.length === 0;
}

/** ` ("value")` for a non-secret, nothing for a secret. */
export function shown(v: EnvVarFact, max = 60): string {
  if (v.secret) return '';
  return ` ("${displayValue(v.value.trim(), max)}")`;
}

/** The variables the catalog gives `role`, unless the schema pins their value itself. */
export function withRole(vars: readonly EnvVarFact[], role: CatalogRole): EnvVarFact[] {
  return vars.filter((v) => catalogEntry(v.key)?.role === role && isSet(v) && !schemaControlsValue(v.spec));
}

/** `FLASK_DEBUG` → ``; `MKS_FORCE_HTTPS` → ` (read as FORCE_HTTPS)` for prefixed catalog matches. */
export function asCanonical(key: string): { en: string; ja: string } {
  const e = catalogEntry(key);
  if (!e || e.key === key.toUpperCase()) return { en: '', ja: '' };
  return { en: ` (read as ${e.key})`, ja: ` (${e.key} として判定)` };
}

/** Splits a list value: `a,b c`, `["a","b"]`, `a;b`. */
export function listItems(value: string): string[] {
  let v = value.trim();
  if (v.startsWith('[') && v.endsWith(']')) v = v.slice(1, -1);
  return v
    .split(/[,;\s]+/)
    .map((x) => x.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean);
}

/** Where a finding about a value points: the value as written when known, else the definition. */
export function valueAt(v: EnvVarFact): Pick<ReportInput, 'file' | 'line' | 'column' | 'key'> {
  return v.valueLine ? { file: v.file, line: v.valueLine, column: v.valueColumn, key: v.key } : at(v);
}
