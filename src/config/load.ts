/** Finding, reading and validating honban.yml (every problem listed at once). */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../contracts/errors.js';
import { CONFIG_SCHEMA } from './schema.js';

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
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(`cannot read config ${file}`);
  }
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    throw new UserError(
      `invalid config ${file}: ${doc.errors.length} YAML error(s)`,
      doc.errors.map((e) => `  ${file}:${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`),
    );
  }
  const data = (doc.toJS() ?? {}) as unknown;
  const problems = validateConfig(data, knownRuleIds);
  if (problems.length) {
    throw new UserError(`invalid config ${file}: ${problems.length} problem(s)`, problems.map((p) => `  ${p}`));
  }
  return { ...(data as HonbanConfig), source: file };
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
        msg = 'must be a severity (critical, high, medium, low, info, off) or { severity, options }';
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
  if (knownRuleIds) {
    for (const id of Object.keys(cfg.rules ?? {})) {
      if (!knownRuleIds.has(id)) problems.push(`rules.${id}: unknown rule id "${id}"`);
    }
    (cfg.waivers ?? []).forEach((w, i) => {
      if (typeof w?.rule !== 'string') return;
      if (w.rule.endsWith('*')) {
        const prefix = w.rule.slice(0, -1);
        if (![...knownRuleIds].some((id) => id.startsWith(prefix))) problems.push(`waivers.${i}.rule: no rule matches "${w.rule}"`);
      } else if (!knownRuleIds.has(w.rule)) problems.push(`waivers.${i}.rule: unknown rule id "${w.rule}"`);
    });
  }
  (cfg.waivers ?? []).forEach((w, i) => {
    if (typeof w?.until === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(w.until) && !isRealDate(w.until)) {
      problems.push(`waivers.${i}.until: "${w.until}" is not a real date`);
    }
  });
  for (const [name, spec] of Object.entries(cfg.variables ?? {})) {
    if (spec && typeof spec.pattern === 'string') {
      try {
        new RegExp(spec.pattern);
      } catch {
        problems.push(`variables.${name}.pattern: not a valid regular expression`);
      }
    }
  }
  return problems;
}

import { createRequire } from 'node:module';
import type { HonbanConfig } from '../contracts/config.js';
function requireAjv(): new (opts: object) => { compile(schema: object): typeof validator } {
  const require = createRequire(import.meta.url);
  const mod = require('ajv');
  return mod.default ?? mod;
}

function isRealDate(ymd: string): boolean {
  const d = new Date(`${ymd}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === ymd;
}
