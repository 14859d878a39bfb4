/** Finding, reading and validating honban.yml (every problem listed at once). */
import { linearRegExpProblem } from '../lib/linear-regex.js';
import { readUserFile } from '../lib/read.js';
import { canonicalRuleId, deprecationNote, RULE_ALIASES } from '../lib/rule-aliases.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../contracts/errors.js';
import type { EnvironmentOverride } from '../lib/environment.js';
import type { HonbanConfig } from '../contracts/config.js';
import { CONFIG_SCHEMA } from './schema.js';

/** honban.yml is configuration: it has no reason to be larger than this. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Alias uses allowed when honban.yml is turned into data (YAML's "billion laughs" guard). */
export const MAX_CONFIG_ALIASES = 100;

export const CONFIG_NAMES = ['honban.yml', 'honban.yaml', '.honban.yml', '.honban.yaml'];

/** Finds honban.yml in `dir` (the scanned root). */
export function findConfig(dir: string): string | undefined {
  for (const n of CONFIG_NAMES) {
    const p = path.join(dir, n);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/**
 * Reads and validates honban.yml. A bad file is a UserError listing every problem with its path.
 * `knownRuleIds` lets unknown ids in `rules:` / `waivers:` be reported too (typos silently
 * disabling nothing are worse than an error).
 */
export async function loadConfig(file: string | undefined, knownRuleIds?: ReadonlySet<string>): Promise<HonbanConfig> {
  if (!file) return {};
  const text = await readUserFile(file, `config ${file}`, { maxBytes: MAX_CONFIG_BYTES });
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    throw new UserError(
      `invalid config ${file}: ${doc.errors.length} YAML error(s)`,
      doc.errors.map((e) => `  ${file}:${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`),
    );
  }
  let data: unknown;
  try {
    // A configuration has no use for more than a few aliases; a "billion laughs" document stops here.
    data = (doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES }) ?? {}) as unknown;
  } catch (e) {
    if (/alias/i.test((e as Error).message)) throw new UserError(`invalid config ${file}: YAML aliases expand too far (more than ${MAX_CONFIG_ALIASES} alias uses)`);
    throw new UserError(`invalid config ${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  const problems = validateConfig(data, knownRuleIds);
  if (problems.length) {
    throw new UserError(`invalid config ${file}: ${problems.length} problem(s)`, problems.map((p) => `  ${p}`));
  }
  return { ...normalizeConfig(data as HonbanConfig), source: file };
}

/** Turns the shorthands of honban.yml into the one shape the code reads. */
export function normalizeConfig(cfg: HonbanConfig): HonbanConfig {
  const out: HonbanConfig = { ...cfg };
  if (cfg.environments) {
    const environments: NonNullable<HonbanConfig['environments']> = {};
    for (const [env, def] of Object.entries(cfg.environments as Record<string, unknown>)) {
      environments[env] = Array.isArray(def) ? { paths: def.map(String) } : (def as NonNullable<HonbanConfig['environments']>[string]);
    }
    out.environments = environments;
  }
  // Deprecated rule ids (merged rules) mean the rule they became; the user is told once per id.
  const deprecations: string[] = [];
  if (cfg.rules && typeof cfg.rules === 'object' && Object.keys(cfg.rules).some((id) => Object.hasOwn(RULE_ALIASES, id))) {
    const rules: NonNullable<HonbanConfig['rules']> = {};
    for (const [id, v] of Object.entries(cfg.rules)) {
      if (Object.hasOwn(RULE_ALIASES, id)) {
        deprecations.push(deprecationNote(`rules.${id}`, id));
        // The current id written too wins over its old name.
        if (!Object.hasOwn(cfg.rules, canonicalRuleId(id))) rules[canonicalRuleId(id)] = v;
      } else rules[id] = v;
    }
    out.rules = rules;
  }
  if (Array.isArray(cfg.waivers)) {
    cfg.waivers.forEach((w, i) => {
      if (w && typeof w.rule === 'string' && Object.hasOwn(RULE_ALIASES, w.rule)) deprecations.push(deprecationNote(`waivers.${i}.rule`, w.rule));
    });
    out.waivers = cfg.waivers.map((w) => (w && typeof w.rule === 'string' ? { ...w, rule: canonicalRuleId(w.rule) } : w));
  }
  if (deprecations.length) out.deprecations = deprecations;
  return out;
}

/**
 * honban.yml's classification of files into environments (`environments.<env>` globs: the list
 * shorthand, `paths`, and the env files of `files`), in the order written: the first match wins.
 */
export function environmentOverrides(cfg: HonbanConfig): EnvironmentOverride[] {
  const out: EnvironmentOverride[] = [];
  for (const [env, def] of Object.entries(cfg.environments ?? {})) {
    const patterns = [...(def.paths ?? []), ...(def.files ?? [])];
    if (patterns.length) out.push({ environment: env, patterns });
  }
  return out;
}

let validator: ((d: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params: Record<string, unknown> }[] | null };

/** Returns every problem of a config object (empty when valid). */
export function validateConfig(data: unknown, knownRuleIds?: ReadonlySet<string>): string[] {
  if (!validator) {
    // Loaded lazily through createRequire: ajv is CommonJS.
    const Ajv = requireAjv();
    const ajv = new Ajv({ allErrors: true, strict: false });
    validator = ajv.compile(CONFIG_SCHEMA);
  }
  const problems: string[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return ['the config must be a mapping'];
  if (!validator(data)) {
    const errors = validator.errors ?? [];
    const oneOfPaths = new Set(errors.filter((e) => e.params && 'passingSchemas' in e.params).map((e) => e.instancePath));
    const seen = new Set<string>();
    for (const e of errors) {
      const where = e.instancePath ? e.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.') : '(root)';
      let msg = e.message ?? 'invalid';
      if (oneOfPaths.has(e.instancePath)) {
        msg = e.instancePath.startsWith('/environments/')
          ? 'must be a list of globs or { paths, files, aliases }'
          : 'must be a severity (critical, high, medium, low, info, off) or { severity, options }';
      } else {
        if (e.params && 'additionalProperty' in e.params) msg = `unknown key "${String(e.params.additionalProperty)}"`;
        if (e.params && 'allowedValues' in e.params) msg += `: ${(e.params.allowedValues as unknown[]).join(', ')}`;
      }
      const line = `${where}: ${msg}`;
      if (!seen.has(line)) problems.push(line);
      seen.add(line);
    }
  }
  const cfg = data as HonbanConfig;
  // The checks below read shapes the schema may just have refused (waivers as a mapping or a
  // string): each looks only at what has the right type, so a bad file is listed, never a crash.
  const waivers = Array.isArray(cfg.waivers) ? cfg.waivers : [];
  const rules = cfg.rules && typeof cfg.rules === 'object' && !Array.isArray(cfg.rules) ? cfg.rules : {};
  const variables = cfg.variables && typeof cfg.variables === 'object' && !Array.isArray(cfg.variables) ? cfg.variables : {};
  if (knownRuleIds) {
    for (const id of Object.keys(rules)) {
      if (!knownRuleIds.has(canonicalRuleId(id))) problems.push(`rules.${id}: unknown rule id "${id}"`);
    }
    waivers.forEach((w, i) => {
      if (typeof w?.rule !== 'string') return;
      if (w.rule.endsWith('*')) {
        const prefix = w.rule.slice(0, -1);
        if (![...knownRuleIds].some((id) => id.startsWith(prefix))) problems.push(`waivers.${i}.rule: no rule matches "${w.rule}"`);
      } else if (!knownRuleIds.has(canonicalRuleId(w.rule))) problems.push(`waivers.${i}.rule: unknown rule id "${w.rule}"`);
    });
  }
  waivers.forEach((w, i) => {
    if (typeof w?.until === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(w.until) && !isRealDate(w.until)) {
      problems.push(`waivers.${i}.until: "${w.until}" is not a real date`);
    }
  });
  for (const [name, spec] of Object.entries(variables)) {
    const envs = spec && typeof spec === 'object' && spec.environments && typeof spec.environments === 'object' ? spec.environments : {};
    for (const [where, s] of [[`variables.${name}`, spec], ...Object.entries(envs).map(([e, o]) => [`variables.${name}.environments.${e}`, o] as const)] as const) {
      if (s && typeof s === 'object' && typeof (s as Record<string, unknown>).pattern === 'string') {
        const problem = linearRegExpProblem((s as Record<string, unknown>).pattern as string);
        if (problem) problems.push(`${where}.pattern: not a pattern honban can run: ${problem}`);
      }
    }
  }
  return problems;
}

import { createRequire } from 'node:module';
function requireAjv(): new (opts: object) => { compile(schema: object): typeof validator } {
  const require = createRequire(import.meta.url);
  const mod = require('ajv');
  return mod.default ?? mod;
}

function isRealDate(ymd: string): boolean {
  const d = new Date(`${ymd}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === ymd;
}
