/**
 * The variable schema of honban.yml (`variables:`): the keywords of a variable, where each is
 * declared, and the spec that applies in one environment.
 */
import type { EnvName } from '../contracts/types.js';
import { normalizeEnvName } from '../lib/environment.js';
import { catalogEntry } from '../lib/env-catalog.js';
import type { EffectiveSpec, HonbanConfig, VarSpec } from '../contracts/config.js';

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

/** Does honban.yml declare any variable? */
export function hasSchema(config: HonbanConfig): boolean {
  return Object.keys(config.variables ?? {}).length > 0;
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
