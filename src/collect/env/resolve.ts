/**
 * Resolves the variables of one target environment from its sources, in precedence order:
 *
 *   1. env files (`.env`, `.env.<env>`, `env/<env>/*.env`, or `environments.<env>.files`), in order
 *   2. Docker secrets: every file of `--secrets-dir` (file name → variable name)
 *   3. `X_FILE` pointers: `DB_PASSWORD_FILE=/run/secrets/db_password` provides DB_PASSWORD
 *   4. the process environment (`--process-env`)
 *
 * The last definition wins. Values of env files are then interpolated (`${VAR}`, `${VAR:-default}`,
 * `$VAR`) by our own code; `$(…)` is never executed. Nothing here judges: rules do.
 */
import { createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { HonbanConfig } from '../../contracts/config.js';
import { parseDotenv } from '../dotenv-parse.js';
import { UserError } from '../../contracts/errors.js';
import { isPlaceholder, isSecretName, looksLikeCredential, weakSecretReason } from '../../lib/secrets.js';
import type { EnvName, ReportError, Skipped } from '../../contracts/types.js';
import { catalogEntry } from '../../lib/env-catalog.js';
import type { RepoView } from './fs.js';
import { expand, MAX_EXPANSION, MAX_NESTING, parseInterpolation, type ExpansionLimit, type LookupResult } from './interpolate.js';
import { envFilesOf, knownEnvironments, templateFilesFor } from './layers.js';
import { urlPassword } from '../../lib/url.js';
import { catalogSpec, effectiveSpec, hasSchema, type SchemaPositions } from '../../config/variables.js';
import type { EffectiveSpec } from '../../contracts/config.js';
import type { Definition, EnvFileFact, EnvSecretFileFact, EnvSpecFact, EnvTemplateKeyFact, EnvVarFact, UnresolvedRef } from '../../facts/env.js';
import { L } from '../../lib/i18n.js';

export const PROCESS_ENV = 'process.env';

/** A reference chain (`A=${B}`, `B=${C}` …) longer than this stops expanding, with an error. */
export const MAX_CHAIN = 64;
/** Characters all expanded values of one environment may add up to. */
export const MAX_TOTAL_EXPANSION = 32 * 1024 * 1024;

/** Catalog names a shell sets for itself (`ENV` is sh's startup file): not pulled from the process environment unless the app declares them. */
const SHELL_NAMES = new Set(['ENV', 'STAGE']);

export interface ResolveOptions {
  view: RepoView;
  environment: EnvName;
  config: HonbanConfig;
  /** The process environment to overlay (`--process-env`); undefined when not asked for. */
  processEnv?: Record<string, string | undefined>;
  /** `--secrets-dir`: a directory of Docker secrets (absolute, or relative to the current directory). */
  secretsDir?: string;
  /** Positions of honban.yml declarations (for findings about absent variables). */
  positions?: SchemaPositions;
  /** Compare secrets with the other environments of the repository (default true). */
  compareOthers?: boolean;
}

export interface Resolution {
  environment: EnvName;
  /** Env files that make up the environment, in precedence order (existing ones). */
  files: string[];
  /** Every source in precedence order, for display. */
  sources: string[];
  /** Every definition of every key, lowest precedence first. */
  definitions: Map<string, Definition[]>;
  /** The resolved variables. */
  vars: Map<string, EnvVarFact>;
  specs: EnvSpecFact[];
  envFiles: EnvFileFact[];
  secretFiles: EnvSecretFileFact[];
  templateKeys: EnvTemplateKeyFact[];
  /** Parse problems and unreadable configured files. */
  errors: ReportError[];
  /** Every secret value seen (for masking). */
  secrets: Set<string>;
  /** Env file contents (for inline suppressions). */
  contents: Map<string, string>;
  /** Files of this environment that exist but could not be read (a FIFO, too large, permission denied …). */
  skipped: Skipped[];
  /** Of those, the env files (`.env.production` …): without them the environment cannot be validated. */
  unreadableEnvFiles: Skipped[];
}

/** `db_password` → `DB_PASSWORD` (a Docker secret's file name as a variable name). */
export function secretFileKey(base: string): string {
  return base.replace(/\.(txt|secret)$/i, '').replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
}

/** A file's content as a secret value: one trailing newline removed (as `$(cat file)` would). */
function secretContent(text: string): string {
  return text.replace(/\r?\n$/, '');
}

function isPathLike(v: string): boolean {
  return v.startsWith('/') || v.startsWith('./') || v.startsWith('../') || /^[A-Za-z]:[\\/]/.test(v) || /^[\w.-]+\/[\w./-]+$/.test(v);
}

/** Secret: the schema says so (either way), else delivered as a secret, the catalog, or a secret-like name. */
function isSecretKey(key: string, spec: EffectiveSpec | undefined, viaSecretStore: boolean): boolean {
  if (spec?.origin === 'schema' && typeof spec.secret === 'boolean') return spec.secret;
  if (viaSecretStore) return true;
  if (catalogEntry(key)?.spec.secret) return true;
  return isSecretName(key);
}

export function resolveEnvironment(opts: ResolveOptions): Resolution {
  const { view, environment: env, config } = opts;
  const res: Resolution = {
    environment: env,
    files: [],
    sources: [],
    definitions: new Map(),
    vars: new Map(),
    specs: [],
    envFiles: [],
    secretFiles: [],
    templateKeys: [],
    errors: [],
    secrets: new Set(),
    contents: new Map(),
    skipped: [],
    unreadableEnvFiles: [],
  };
  const defs = res.definitions;
  const push = (d: Definition) => {
    let list = defs.get(d.key);
    if (!list) defs.set(d.key, (list = []));
    list.push(d);
  };

  // 1. Env files.
  const { files, configured } = envFilesOf(view, env, config);
  for (const f of files) {
    const text = view.read(f);
    if (text === undefined) {
      const skip = view.skipOf(f);
      if (skip) {
        res.skipped.push(skip);
        res.unreadableEnvFiles.push(skip);
      }
      else if (configured) res.errors.push({ kind: 'read', file: f, message: `env file ${f} (environments.${env}.files in honban.yml) does not exist` });
      continue;
    }
    res.files.push(f);
    res.sources.push(f);
    res.contents.set(f, text);
    const parsed = parseDotenv(text);
    for (const p of parsed.problems) res.errors.push({ kind: 'parse', file: f, line: p.line, column: p.column, message: p.message });
    for (const e of parsed.entries) {
      push({ key: e.key, source: 'file', file: f, line: e.line, column: e.column, valueLine: e.valueLine, valueColumn: e.valueColumn, raw: e.value, quote: e.quote });
    }
  }

  // 2. Docker secrets directory.
  const display = (p: string) => {
    const abs = path.resolve(view.root, p);
    const rel = path.relative(view.root, abs);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs.split(path.sep).join('/');
  };
  let secretsDirAbs: string | undefined;
  if (opts.secretsDir !== undefined) {
    secretsDirAbs = path.resolve(opts.secretsDir);
    const list = view.listExternal(secretsDirAbs);
    if (list === undefined) throw new UserError(L(`cannot read --secrets-dir ${opts.secretsDir}: no such directory`, `--secrets-dir ${opts.secretsDir} を読めません: ディレクトリがありません`));
    res.sources.push(display(secretsDirAbs) + '/');
    for (const abs of list) {
      const text = view.read(abs);
      if (text === undefined) {
        // A secret the deployment would mount but honban cannot read: judged like a broken `X_FILE` pointer.
        const key = secretFileKey(path.basename(abs));
        res.secretFiles.push({ file: display(abs), environment: env, key, pointer: '--secrets-dir', path: display(abs), reason: view.whyUnreadable(abs) ?? 'unreadable' });
        const skip = view.skipOf(abs);
        if (skip) res.skipped.push({ ...skip, path: display(abs) });
        continue;
      }
      push({ key: secretFileKey(path.basename(abs)), source: 'secrets-dir', file: display(abs), raw: secretContent(text) });
    }
  }

  // 4 (collected before 3: a pointer may itself come from the process environment).
  const processDefs = new Map<string, Definition>();
  if (opts.processEnv) {
    res.sources.push(PROCESS_ENV);
    const referenced = new Set<string>();
    for (const list of defs.values()) {
      for (const d of list) {
        if (d.source !== 'file' || d.quote === "'") continue;
        for (const s of parseInterpolation(d.raw)) if (s.kind === 'ref') referenced.add(s.name);
      }
    }
    // Keys documented in templates (.env.example) are part of the app's contract too.
    const documented = new Set<string>();
    for (const t of templateFilesFor(view, env, config)) {
      const text = view.read(t);
      if (text !== undefined) for (const e of parseDotenv(text).entries) documented.add(e.key);
    }
    const wanted = (k: string) =>
      defs.has(k) ||
      documented.has(k) ||
      referenced.has(k) ||
      config.variables?.[k] !== undefined ||
      (catalogEntry(k)?.key === k.toUpperCase() && !SHELL_NAMES.has(k)) ||
      (k.endsWith('_FILE') && (config.variables?.[k.slice(0, -5)] !== undefined || defs.has(k.slice(0, -5)) || catalogEntry(k.slice(0, -5))?.key === k.slice(0, -5)));
    for (const [k, v] of Object.entries(opts.processEnv)) {
      if (v === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) || !wanted(k)) continue;
      processDefs.set(k, { key: k, source: 'process-env', file: PROCESS_ENV, raw: v });
    }
  }

  // 3. `X_FILE` pointers (from the merged view so far, process environment included).
  const winnerRaw = (k: string): Definition | undefined => processDefs.get(k) ?? defs.get(k)?.at(-1);
  const pointerKeys = new Set<string>([...defs.keys(), ...processDefs.keys()].filter((k) => k.endsWith('_FILE') && k.length > 5));
  for (const pk of [...pointerKeys].sort()) {
    const d = winnerRaw(pk)!;
    const base = pk.slice(0, -5);
    let target = d.raw.trim();
    if (!target || !isPathLike(target)) continue;
    if (target.includes('$') && d.source === 'file' && d.quote !== "'") {
      target = expand(parseInterpolation(target), (n) => {
        const w = winnerRaw(n);
        return w ? { defined: true, value: w.raw } : { defined: false, value: '' };
      }).value;
    }
    const underRunSecrets = target.startsWith('/run/secrets/');
    let abs = path.isAbsolute(target) ? target : path.resolve(view.root, target);
    const inSecretsDir = secretsDirAbs !== undefined && (abs + '/').startsWith(secretsDirAbs + '/');
    const isPointer = underRunSecrets || inSecretsDir || config.variables?.[base] !== undefined || isSecretName(base) || catalogEntry(base) !== undefined;
    if (!isPointer) continue;
    if (view.whyUnreadable(abs) && underRunSecrets && secretsDirAbs) {
      // A path inside the container, checked against the secrets directory given on the host.
      const mapped = path.join(secretsDirAbs, target.slice('/run/secrets/'.length));
      if (!view.whyUnreadable(mapped)) abs = mapped;
    }
    const why = view.whyUnreadable(abs);
    if (why) {
      res.secretFiles.push({ file: d.file, environment: env, line: d.line, column: d.column, key: base, pointer: pk, path: target, reason: why });
      continue;
    }
    const text = view.read(abs) ?? '';
    const same = defs.get(base)?.find((x) => x.source === 'secrets-dir' && x.file === display(abs));
    if (same) {
      // The pointer names a file of --secrets-dir: one definition, reached both ways.
      same.via = pk;
      continue;
    }
    push({ key: base, source: 'secret-file', file: display(abs), raw: secretContent(text), via: pk });
  }
  for (const d of processDefs.values()) push(d);

  // Sort each key's definitions into precedence order (files in file order, then the secret stores,
  // then the process environment).
  const rank = { file: 0, 'secrets-dir': 1, 'secret-file': 2, 'process-env': 3 } as const;
  for (const list of defs.values()) list.sort((a, b) => rank[a.source] - rank[b.source]);

  // Interpolation, memoized per (key, definition index). Bounded: a chain of references stops at
  // MAX_CHAIN links, one value at MAX_EXPANSION characters, all values together at
  // MAX_TOTAL_EXPANSION; nesting inside one value at MAX_NESTING. Each stop is an error entry and
  // leaves the variable unresolved (no rule judges a cut-off value).
  type Resolved = { value: string; unresolved: UnresolvedRef[]; commands: number };
  const memo = new Map<string, Resolved>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let budget = MAX_TOTAL_EXPANSION;
  const limitError = (d: Definition, key: string, limit: ExpansionLimit | 'chain' | 'total', via?: string) => {
    const what =
      limit === 'chain'
        ? `a chain of references longer than ${MAX_CHAIN} (${key} → … → ${via})`
        : limit === 'nesting'
          ? `references nested more than ${MAX_NESTING} deep`
          : limit === 'size'
            ? `it expands to more than ${MAX_EXPANSION} characters`
            : `the values of ${env} together expand to more than ${MAX_TOTAL_EXPANSION} characters`;
    res.errors.push({
      kind: 'limit',
      file: d.file,
      ...(d.line ? { line: d.line, column: d.column } : {}),
      message: `interpolation of ${key} stopped: ${what}; the variable is treated as unresolved`,
    });
  };
  const resolveDef = (key: string, index: number): Resolved => {
    const id = `${key}\0${index}`;
    const hit = memo.get(id);
    if (hit) return hit;
    const d = defs.get(key)![index]!;
    if (d.source !== 'file' || d.quote === "'") {
      const r = { value: d.raw, unresolved: [], commands: 0 };
      memo.set(id, r);
      return r;
    }
    stack.push(id);
    onStack.add(id);
    let chainCut: string | undefined;
    const segments = parseInterpolation(d.raw);
    const lookup = (name: string): LookupResult => {
      const list = defs.get(name);
      const idx = name === key ? index - 1 : (list?.length ?? 0) - 1;
      if (!list || idx < 0) {
        if (opts.processEnv && name !== key && opts.processEnv[name] !== undefined) return { defined: true, value: opts.processEnv[name]! };
        return { defined: false, value: '' };
      }
      const innerId = `${name}\0${idx}`;
      if (onStack.has(innerId)) return { defined: false, value: '' };
      if (!memo.has(innerId) && stack.length >= MAX_CHAIN) {
        chainCut ??= name;
        return { defined: true, value: '', unresolved: true };
      }
      const r = resolveDef(name, idx);
      // A reference to a variable that is itself incomplete counts as unresolved here too.
      if (r.unresolved.length) return { defined: true, value: r.value, unresolved: true };
      return { defined: true, value: r.value };
    };
    const r = expand(segments, lookup, Math.min(MAX_EXPANSION, Math.max(0, budget)));
    stack.pop();
    onStack.delete(id);
    // A reference to a variable whose own expansion stopped at a limit carries that limit on (the
    // error entry names where it stopped; the variable is not "missing").
    const limitOf = (name: string) => {
      const list = defs.get(name);
      const idx = name === key ? index - 1 : (list?.length ?? 0) - 1;
      return idx >= 0 ? memo.get(`${name}\0${idx}`)?.unresolved.find((u) => u.limit)?.limit : undefined;
    };
    const unresolved: UnresolvedRef[] = r.unresolved.map((u) => {
      const inherited = limitOf(u.name);
      return { name: u.name, required: u.required, self: u.name === key, ...(inherited ? { limit: inherited } : {}) };
    });
    let out: Resolved = { value: r.value, unresolved: dedupeRefs(unresolved), commands: r.commandSubstitutions };
    const limit = chainCut ? 'chain' : r.limit === 'size' && budget < MAX_EXPANSION ? 'total' : r.limit;
    if (limit) {
      limitError(d, key, limit, chainCut);
      out = { value: '', unresolved: [{ name: chainCut ?? key, required: false, self: !chainCut, limit }], commands: r.commandSubstitutions };
    } else budget -= r.value.length;
    memo.set(id, out);
    return out;
  };

  // The resolved variables.
  for (const [key, list] of defs) {
    const win = list[list.length - 1]!;
    const r = resolveDef(key, list.length - 1);
    const spec = effectiveSpec(key, config, env, opts.positions);
    const viaStore = list.some((d) => d.source === 'secrets-dir' || d.source === 'secret-file');
    // A credential under an ordinary name (a Slack webhook in NOTIFY_URL) is a secret too: never shown.
    const secret = isSecretKey(key, spec, viaStore) || looksLikeCredential(r.value) || list.some((d) => looksLikeCredential(d.raw));
    res.vars.set(key, {
      file: win.file,
      environment: env,
      key,
      line: win.line,
      column: win.column,
      ...(win.valueLine ? { valueLine: win.valueLine, valueColumn: win.valueColumn } : {}),
      ...(win.quote ? { quote: win.quote } : {}),
      source: win.source,
      value: r.value,
      raw: win.raw,
      secret,
      spec,
      shadowed: list.slice(0, -1),
      unresolved: r.unresolved,
      commandSubstitutions: r.commands,
      sharedWith: [],
      ...(win.via ? { via: win.via } : {}),
    });
    // Masking: every value of a secret key, in every source, and every URL password anywhere;
    // for a secret, the literals its schema compares it with too.
    if (secret && spec) for (const x of [...(spec.forbid ?? []), ...(spec.values ?? []), spec.equals]) if (typeof x === 'string') addSecret(res.secrets, x);
    for (let i = 0; i < list.length; i++) {
      const d = list[i]!;
      const resolved = resolveDef(key, i).value;
      if (secret || isSecretName(d.key) || d.source === 'secrets-dir' || d.source === 'secret-file') {
        addSecret(res.secrets, d.raw);
        addSecret(res.secrets, resolved);
      }
      addSecret(res.secrets, urlPassword(d.raw));
      addSecret(res.secrets, urlPassword(resolved));
    }
  }

  // Env files.
  for (const f of res.files) {
    const keys = [...defs.values()].flat().filter((d) => d.file === f).map((d) => d.key);
    res.envFiles.push({
      file: f,
      environment: env,
      mode: view.mode(f),
      keys: [...new Set(keys)],
      secretCount: [...new Set(keys)].filter((k) => res.vars.get(k)?.secret && defs.get(k)!.some((d) => d.file === f && d.raw.trim() !== '' && !PURE_REFERENCE.test(d.raw.trim()) && !isPlaceholder(d.raw.trim()))).length,
    });
  }

  // Schema (or catalog) expectations.
  const expected = new Map<string, EffectiveSpec>();
  if (hasSchema(config)) {
    for (const key of Object.keys(config.variables!)) {
      const s = effectiveSpec(key, config, env, opts.positions);
      if (s) expected.set(key, s);
    }
  } else if (res.files.length) {
    // Catalog presence expectations only where an env file shows what the environment is made of.
    for (const key of ['SENTRY_DSN']) {
      const s = catalogSpec(key, env);
      if (s && (s.required || s.recommended)) expected.set(key, s);
    }
  }
  const lastFile = res.files.at(-1) ?? `.env.${env}`;
  for (const [key, spec] of expected) {
    const v = res.vars.get(key);
    const at = spec.declaredIn ?? { file: lastFile };
    res.specs.push({
      file: at.file,
      environment: env,
      key,
      ...('line' in at ? { line: at.line, column: at.column } : {}),
      spec,
      present: !!v && v.value !== '' && v.unresolved.length === 0,
      empty: !!v && v.value === '' && v.unresolved.length === 0,
      unresolved: !!v && v.unresolved.length > 0,
      sources: res.sources,
    });
  }

  // Templates (`.env.example`): documented keys.
  const schemaDeclared = hasSchema(config);
  for (const t of templateFilesFor(view, env, config)) {
    const text = view.read(t);
    if (text === undefined) continue;
    const seen = new Set<string>();
    for (const e of parseDotenv(text).entries) {
      if (seen.has(e.key)) continue;
      seen.add(e.key);
      const v = res.vars.get(e.key);
      res.templateKeys.push({ file: t, environment: env, key: e.key, line: e.line, column: e.column, present: !!v && v.value !== '', schemaDeclared });
    }
    res.contents.set(t, text);
  }

  // The same secret in another environment (compared by HMAC with a throw-away key, never printed).
  if (opts.compareOthers !== false) {
    const hkey = randomBytes(32);
    const mac = (v: string) => createHmac('sha256', hkey).update(v).digest('hex');
    const mine = new Map<string, EnvVarFact[]>();
    for (const v of res.vars.values()) {
      if (!v.secret || v.unresolved.length || !v.value.trim() || weakSecretReason(v.value, { minLength: 1 })) continue;
      const h = mac(v.value);
      if (!mine.has(h)) mine.set(h, []);
      mine.get(h)!.push(v);
    }
    if (mine.size) {
      for (const other of knownEnvironments(view, config)) {
        if (other === env) continue;
        let o: Resolution;
        try {
          o = resolveEnvironment({ view, environment: other, config, compareOthers: false });
        } catch {
          continue;
        }
        for (const s of o.secrets) res.secrets.add(s);
        for (const ov of o.vars.values()) {
          if (!ov.value.trim() || ov.unresolved.length) continue;
          const hits = mine.get(mac(ov.value));
          if (!hits) continue;
          for (const v of hits) {
            if (v.sharedWith.some((s) => s.environment === other)) continue;
            const inherited = ov.file === v.file && ov.line === v.line;
            v.sharedWith.push({ environment: other, file: ov.file, ...(ov.line ? { line: ov.line } : {}), inherited });
          }
        }
      }
    }
  }
  return res;
}

/** A value that only names other variables (`${SECRET_KEY}`, `$A$B`). */
const PURE_REFERENCE = /^(\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*)+$/;

/** Registers a value for masking — not a bare reference such as `${DB_PASSWORD}` (that names, not holds, a secret). */
function addSecret(set: Set<string>, v: string | undefined): void {
  if (!v || !v.trim()) return;
  if (PURE_REFERENCE.test(v.trim())) return;
  set.add(v);
}

function dedupeRefs(refs: UnresolvedRef[]): UnresolvedRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.name}\0${r.self}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
