/**
 * `honban env init`: proposes a `variables:` schema from what the repository says about its
 * variables — code reads (the env contract), templates (`.env.example`), the keys of env files, and
 * honban's catalog (types, secrets, production expectations). Never writes a value of a secret:
 * values of templates and env files are only used to guess a type.
 */
import type { HonbanConfig } from '../../contracts/config.js';
import { validateConfig } from '../../config/load.js';
import { isSecretName } from '../../lib/secrets.js';
import type { SourceFile } from '../../contracts/types.js';
import { parseBoolean } from '../../lib/values.js';
import { parseDotenv } from '../../collect/dotenv-parse.js';
import { catalogEntry } from '../../lib/env-catalog.js';
import { requiredInProduction } from '../../facts/env-read.js';
import type { RepoView } from '../../collect/env/fs.js';
import { envFilesOf, knownEnvironments, templateFiles } from '../../collect/env/layers.js';
import type { VarSpec } from '../../contracts/config.js';

export interface InferredVar {
  key: string;
  spec: VarSpec & { environments?: Record<string, VarSpec> };
  /** Where the name was found (for the summary). */
  evidence: string[];
}

export interface CodeRead {
  name: string;
  hasDefault: boolean;
  file: string;
  line: number;
}

export interface InitInput {
  view: RepoView;
  config: HonbanConfig;
  /** Reads from the env contract (empty when it is not available). */
  reads: CodeRead[];
  /** Platform variables (PORT, HOME …) the contract says are never required from a surface. */
  platform?: (name: string) => boolean;
}

const BOOL_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off']);

/** Guesses a type from an example value (never kept). */
function typeOf(value: string): VarSpec['type'] | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (BOOL_WORDS.has(v.toLowerCase()) && parseBoolean(v) !== undefined) return 'boolean';
  if (/^[+-]?\d+$/.test(v)) return 'integer';
  if (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v)) return 'url';
  return undefined;
}

/** The comment line(s) right above a line of a template, as a description. */
function commentAbove(text: string, line: number): string | undefined {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (let i = line - 2; i >= 0; i--) {
    const l = lines[i]!.trim();
    if (!l.startsWith('#')) break;
    out.unshift(l.replace(/^#+\s?/, ''));
  }
  const d = out.join(' ').trim();
  return d && d.length <= 200 && !/[=]{3,}|-{3,}/.test(d) ? d : undefined;
}

export function inferVariables(input: InitInput): InferredVar[] {
  const { view, config } = input;
  const vars = new Map<string, InferredVar>();
  const get = (key: string) => {
    let v = vars.get(key);
    if (!v) vars.set(key, (v = { key, spec: {}, evidence: [] }));
    return v;
  };
  const typeHints = new Map<string, Set<NonNullable<VarSpec['type']>>>();
  const hint = (key: string, t: VarSpec['type'] | undefined) => {
    if (!t) return;
    if (!typeHints.has(key)) typeHints.set(key, new Set());
    typeHints.get(key)!.add(t);
  };

  // Code reads.
  const readsBy = new Map<string, CodeRead[]>();
  for (const r of input.reads) {
    if (input.platform?.(r.name)) continue;
    if (!readsBy.has(r.name)) readsBy.set(r.name, []);
    readsBy.get(r.name)!.push(r);
  }
  for (const [name, rs] of readsBy) {
    const v = get(name);
    const required = rs.filter((r) => !r.hasDefault);
    v.evidence.push(required.length ? `read without default at ${required[0]!.file}:${required[0]!.line}` : `read at ${rs[0]!.file}:${rs[0]!.line}`);
    if (required.length) v.spec.required = true;
    else if (isSecretName(name)) {
      // A secret read with a fallback runs on the fallback (a development value) when unset.
      v.spec.environments = { ...(v.spec.environments ?? {}), production: { ...(v.spec.environments?.production ?? {}), required: true } };
    }
  }

  // Templates: names, comments, types.
  for (const t of templateFiles(view)) {
    const text = view.read(t);
    if (text === undefined) continue;
    for (const e of parseDotenv(text).entries) {
      const v = get(e.key);
      if (!v.evidence.some((x) => x.startsWith('documented'))) v.evidence.push(`documented in ${t}`);
      if (!v.spec.description) {
        const d = commentAbove(text, e.line);
        if (d) v.spec.description = d;
      }
      if (!isSecretName(e.key)) hint(e.key, typeOf(e.value));
    }
  }

  // Env files of every environment: names (and types of non-secrets).
  for (const env of knownEnvironments(view, config)) {
    for (const f of envFilesOf(view, env, config).files) {
      const text = view.read(f);
      if (text === undefined) continue;
      for (const e of parseDotenv(text).entries) {
        const v = get(e.key);
        if (!v.evidence.some((x) => x.startsWith('set in'))) v.evidence.push(`set in ${f}`);
        if (!isSecretName(e.key)) hint(e.key, typeOf(e.value));
      }
    }
  }

  // The catalog: secrets, types, production expectations.
  for (const v of vars.values()) {
    const c = catalogEntry(v.key);
    const secret = isSecretName(v.key) || !!c?.spec.secret;
    if (secret) v.spec.secret = true;
    if (c) {
      if (c.spec.type) v.spec.type = c.spec.type;
      if (c.spec.schemes) v.spec.schemes = [...c.spec.schemes];
      if (c.spec.min !== undefined) v.spec.min = c.spec.min;
      if (c.init?.minLength !== undefined) v.spec.minLength = c.init.minLength;
      if (c.init?.required && (readsBy.has(v.key) || v.evidence.some((x) => x.startsWith('documented')))) v.spec.required = true;
      if (!v.spec.description) v.spec.description = c.description;
      if (c.production) {
        const prod: VarSpec = { ...(v.spec.environments?.production ?? {}) };
        for (const [k, val] of Object.entries(c.production)) (prod as Record<string, unknown>)[k] = Array.isArray(val) ? [...val] : val;
        v.spec.environments = { ...(v.spec.environments ?? {}), production: prod };
      }
    } else if (!secret) {
      const hints = typeHints.get(v.key);
      if (hints && hints.size === 1) v.spec.type = [...hints][0] as VarSpec["type"];
    }
    if (v.spec.required && v.spec.environments?.production?.required) {
      delete v.spec.environments.production.required;
      if (!Object.keys(v.spec.environments.production).length) delete v.spec.environments.production;
      if (!Object.keys(v.spec.environments).length) delete v.spec.environments;
    }
  }
  return [...vars.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Key order inside one variable, as a reader expects it. */
const ORDER = ['description', 'required', 'recommended', 'secret', 'type', 'minLength', 'maxLength', 'min', 'max', 'pattern', 'schemes', 'values', 'forbid', 'equals', 'environments'];

function ordered(spec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ORDER) if (spec[k] !== undefined) out[k] = k === 'environments' ? Object.fromEntries(Object.entries(spec[k] as Record<string, Record<string, unknown>>).map(([e, s]) => [e, ordered(s)])) : spec[k];
  return out;
}

export interface InitOutput {
  /** The full text to write (or print). */
  text: string;
  added: string[];
  kept: string[];
}

/**
 * Builds honban.yml text: the existing file (comments kept) with the inferred variables that are not
 * declared yet added under `variables:`, or a new file. `stdoutOnly` gives just the `variables:`
 * section of every inferred variable.
 */
export async function buildInitYaml(inferred: InferredVar[], existing: string | undefined, opts: { stdoutOnly: boolean; now: Date; sources: string[] }): Promise<InitOutput> {
  const { Document, parseDocument, isMap, YAMLMap } = await import('yaml');
  const header = ` Variables proposed by honban env init on ${opts.now.toISOString().slice(0, 10)} from: ${opts.sources.join(', ')}.\n Review them: mark what production needs as required, add types and constraints.\n No value of a secret is ever written here.`;
  if (opts.stdoutOnly || existing === undefined) {
    const doc = new Document({ variables: Object.fromEntries(inferred.map((v) => [v.key, ordered(v.spec as Record<string, unknown>)])) });
    doc.commentBefore = header;
    return { text: doc.toString({ lineWidth: 0 }), added: inferred.map((v) => v.key), kept: [] };
  }
  const doc = parseDocument(existing);
  if (doc.errors.length) throw new Error(`cannot parse the existing config: ${doc.errors[0]!.message.split('\n')[0]}`);
  let vars = doc.get('variables', true);
  if (!isMap(vars)) {
    if (!isMap(doc.contents)) doc.contents = new YAMLMap() as never;
    const contents = doc.contents as unknown as InstanceType<typeof YAMLMap>;
    if (contents.has('variables')) contents.delete('variables'); // `variables:` with no mapping under it
    vars = new YAMLMap();
    const key = doc.createNode('variables') as unknown as { commentBefore?: string; spaceBefore?: boolean };
    key.commentBefore = header;
    key.spaceBefore = contents.items.length > 0;
    contents.set(key, vars);
  }
  const map = vars as InstanceType<typeof YAMLMap>;
  const added: string[] = [];
  const kept: string[] = [];
  for (const v of inferred) {
    if (map.has(v.key)) {
      kept.push(v.key);
      continue;
    }
    map.set(doc.createNode(v.key), doc.createNode(ordered(v.spec as Record<string, unknown>)));
    added.push(v.key);
  }
  return { text: doc.toString({ lineWidth: 0 }), added, kept };
}

/** Validates generated config text against honban.yml's schema (a bug guard). */
export async function checkGenerated(text: string): Promise<string[]> {
  const { parse } = await import('yaml');
  return validateConfig(parse(text) ?? {});
}

/** Reads the env contract's code reads, if the contract and code collectors are available. */
export async function contractReads(files: readonly SourceFile[], customEnvs: string[]): Promise<{ reads: CodeRead[]; platform?: (n: string) => boolean; available: boolean; errors: string[] }> {
  try {
    const { collectFacts } = await import('../../engine/collect.js');
    const mod = await import('../../derive/env-contract.js');
    const { facts, errors } = await collectFacts(files, new Set(['envContract']), { environment: 'production', customEnvs });
    const reads: CodeRead[] = [];
    for (const c of (facts.envContract ?? []) as unknown as import('../../facts/env-contract.js').EnvContract[]) {
      for (const v of c.variables ?? []) {
        if (v.platform) continue;
        for (const r of v.reads ?? []) reads.push({ name: v.name, hasDefault: !requiredInProduction(r), file: r.file, line: r.line });
      }
    }
    return { reads, platform: (n) => mod.isPlatformVariable(n), available: true, errors: errors.map((e) => `${e.file ? e.file + ': ' : ''}${e.message}`) };
  } catch (e) {
    return { reads: [], available: false, errors: [`env contract not available: ${(e as Error).message}`] };
  }
}
