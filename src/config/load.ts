/** Finding, reading and validating honban.yml (every problem listed at once). */
import { linearRegExpProblem } from '../lib/linear-regex.js';
import { readUserFile } from '../lib/read.js';
import { canonicalRuleId, deprecationNote, RULE_ALIASES } from '../lib/rule-aliases.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../contracts/errors.js';
import type { EnvironmentOverride } from '../lib/environment.js';
import type { ChecklistItem, HonbanConfig } from '../contracts/config.js';
import type { Localized, Rule } from '../contracts/types.js';
import { isRulePattern, ruleIdMatches } from '../lib/rule-glob.js';
import { CONFIG_SCHEMA } from './schema.js';
import { L, plural } from '../lib/i18n.js';

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
/**
 * Loads the custom rules of `plugins:` (patterns relative to `base`, the directory of honban.yml).
 * Given by the caller (engine/plugins.ts): checking a plugin needs honban's rules and fact names,
 * which live in higher layers than the configuration.
 */
export type PluginLoader = (patterns: readonly string[], base: string, source: string) => Promise<Rule<any>[]>;

export async function loadConfig(file: string | undefined, knownRuleIds?: ReadonlySet<string>, loadPluginRules?: PluginLoader): Promise<HonbanConfig> {
  if (!file) return {};
  const text = await readUserFile(file, L(`config ${file}`, `設定ファイル ${file}`), { maxBytes: MAX_CONFIG_BYTES });
  const { parseDocument, LineCounter } = await import('yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter });
  if (doc.errors.length) {
    const n = doc.errors.length;
    throw new UserError(
      L(`invalid config ${file}: ${plural(n, 'YAML error')}`, `設定ファイル ${file} が不正です: YAML のエラー ${n} 件`),
      doc.errors.map((e) => {
        const at = lineCounter.linePos(e.pos[0]);
        // The yaml library's message ends with its own " at line L, column C"; ours leads.
        const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        // The library's text is English: the Japanese line names the error and keeps its text.
        return { en: `  ${file}:${at.line}:${at.col}: ${msg}`, ja: `  ${file}:${at.line}:${at.col}: YAML の構文エラー (${e.code}): ${msg}` };
      }),
    );
  }
  let data: unknown;
  try {
    // A configuration has no use for more than a few aliases; a "billion laughs" document stops here.
    data = (doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES }) ?? {}) as unknown;
  } catch (e) {
    if (/alias/i.test((e as Error).message)) {
      throw new UserError(
        L(`invalid config ${file}: YAML aliases expand too far (more than ${MAX_CONFIG_ALIASES} alias uses)`, `設定ファイル ${file} が不正です: YAML のエイリアスの展開が多すぎます (${MAX_CONFIG_ALIASES} 回を超えています)`),
      );
    }
    const first = (e as Error).message.split('\n')[0];
    throw new UserError(L(`invalid config ${file}: ${first}`, `設定ファイル ${file} が不正です: ${first}`));
  }
  // Custom rules first: honban.yml may configure and waive them by id.
  let pluginRules: Rule<any>[] | undefined;
  const plugins = (data as HonbanConfig | undefined)?.plugins;
  if (Array.isArray(plugins) && plugins.length && plugins.every((p) => typeof p === 'string')) {
    // A run without the team's rules must not look like a pass: no loader is a programming error.
    if (!loadPluginRules) throw new Error(`loadConfig(${file}): honban.yml declares plugins but the caller passed no plugin loader`);
    pluginRules = await loadPluginRules(plugins, path.dirname(path.resolve(file)), file);
    if (knownRuleIds) knownRuleIds = new Set([...knownRuleIds, ...pluginRules.map((r) => r.id)]);
  }
  const problems = configProblems(data, knownRuleIds);
  if (problems.length) {
    const n = problems.length;
    throw new UserError(
      L(`invalid config ${file}: ${plural(n, 'problem')}`, `設定ファイル ${file} が不正です: 問題 ${n} 件`),
      problems.map((p) => {
        const node = doc.getIn(p.path, true) as { range?: [number, number, number] } | undefined;
        // The offending node, or (a missing key) its nearest existing parent.
        let at = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
        for (let k = p.path.length - 1; !at && k >= 0; k--) {
          const parent = doc.getIn(p.path.slice(0, k), true) as { range?: [number, number, number] } | undefined;
          if (parent?.range) at = lineCounter.linePos(parent.range[0]);
        }
        const where = `${file}${at ? `:${at.line}:${at.col}` : ''}`;
        return { en: `  ${where}: ${p.where}: ${p.message.en}`, ja: `  ${where}: ${p.where}: ${p.message.ja}` };
      }),
    );
  }
  const cfg = data as HonbanConfig;
  const waivers = (cfg.waivers ?? []).map((_w, i) => {
    const node = doc.getIn(['waivers', i], true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) return undefined;
    const at = lineCounter.linePos(node.range[0]);
    return { line: at.line, column: at.col };
  });
  return { ...normalizeConfig(cfg), source: file, ...(waivers.length ? { positions: { waivers } } : {}), ...(pluginRules ? { pluginRules } : {}) };
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

type AjvError = { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> };
let validator: ((d: unknown) => boolean) & { errors?: AjvError[] | null };

/** A problem of a config: where (dotted path and its parts) and what, in both languages. */
export interface ConfigProblem {
  where: string;
  path: (string | number)[];
  message: Localized;
}

/** Returns every problem of a config object (empty when valid), as English lines "path: message". */
export function validateConfig(data: unknown, knownRuleIds?: ReadonlySet<string>): string[] {
  return configProblems(data, knownRuleIds).map((p) => `${p.where}: ${p.message.en}`);
}

/** Every problem of a config object, with its path and a message in both languages. */
export function configProblems(data: unknown, knownRuleIds?: ReadonlySet<string>): ConfigProblem[] {
  if (!validator) {
    // Loaded lazily through createRequire: ajv is CommonJS.
    const Ajv = requireAjv();
    const ajv = new Ajv({ allErrors: true, strict: false, messages: true });
    validator = ajv.compile(CONFIG_SCHEMA);
  }
  const problems: ConfigProblem[] = [];
  const add = (path: (string | number)[], message: Localized) => {
    const where = path.length ? path.join('.') : '(root)';
    if (!problems.some((p) => p.where === where && p.message.en === message.en)) problems.push({ where, path, message });
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [{ where: '(root)', path: [], message: L('the config must be a mapping', '設定はマッピング (キーと値の組) でなければなりません') }];
  if (!validator(data)) {
    const errors = validator.errors ?? [];
    // Japanese texts of Ajv's messages (ajv-i18n), on a copy: the English ones stay as they are.
    const ja = errors.map((e) => ({ ...e }));
    requireAjvJa()(ja);
    const oneOfPaths = new Set(errors.filter((e) => e.params && 'passingSchemas' in e.params).map((e) => e.instancePath));
    const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
    errors.forEach((e, i) => {
      const path = e.instancePath ? e.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : [];
      let msg: Localized = { en: e.message ?? 'invalid', ja: ja[i]!.message ?? e.message ?? '不正です' };
      if (oneOfPaths.has(e.instancePath)) {
        msg = /^\/checklist\/\d+\/title$/.test(e.instancePath)
          ? L('must be a string or { en, ja }', '文字列か { en, ja } でなければなりません')
          : e.instancePath.startsWith('/environments/')
            ? L('must be a list of globs or { paths, files, aliases }', 'glob のリストか { paths, files, aliases } でなければなりません')
            : L('must be a severity (critical, high, medium, low, info, off) or { severity, options }', '重大度 (critical, high, medium, low, info, off) か { severity, options } でなければなりません');
      } else if (anyOfPaths.has(e.instancePath)) {
        msg = e.instancePath === '/history/keep'
          ? L('must be a number of days (180d) or of runs (500)', '日数 (180d) か実行回数 (500) でなければなりません')
          : L('must match one of the allowed forms', '許される形式のいずれかでなければなりません');
      } else if (e.params && 'additionalProperty' in e.params) {
        const key = String(e.params.additionalProperty);
        msg = L(`unknown key "${key}"`, `不明なキー "${key}"`);
      } else if (e.params && 'allowedValues' in e.params) {
        const values = (e.params.allowedValues as unknown[]).join(', ');
        msg = { en: `${msg.en}: ${values}`, ja: `${msg.ja}: ${values}` };
      }
      add(path, msg);
    });
  }
  const cfg = data as HonbanConfig;
  // The checks below read shapes the schema may just have refused (waivers as a mapping or a
  // string): each looks only at what has the right type, so a bad file is listed, never a crash.
  const waivers = Array.isArray(cfg.waivers) ? cfg.waivers : [];
  const rules = cfg.rules && typeof cfg.rules === 'object' && !Array.isArray(cfg.rules) ? cfg.rules : {};
  const variables = cfg.variables && typeof cfg.variables === 'object' && !Array.isArray(cfg.variables) ? cfg.variables : {};
  if (knownRuleIds) {
    for (const id of Object.keys(rules)) {
      if (!knownRuleIds.has(canonicalRuleId(id))) add(['rules', id], L(`unknown rule id "${id}"`, `不明なルール ID "${id}"`));
    }
    waivers.forEach((w, i) => {
      if (typeof w?.rule !== 'string') return;
      if (isRulePattern(w.rule)) {
        if (![...knownRuleIds].some((id) => ruleIdMatches(w.rule, id))) add(['waivers', i, 'rule'], L(`no rule matches "${w.rule}"`, `"${w.rule}" に一致するルールがありません`));
      } else if (!knownRuleIds.has(canonicalRuleId(w.rule))) add(['waivers', i, 'rule'], L(`unknown rule id "${w.rule}"`, `不明なルール ID "${w.rule}"`));
    });
  }
  waivers.forEach((w, i) => {
    if (typeof w?.until === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(w.until) && !isRealDate(w.until)) {
      add(['waivers', i, 'until'], L(`"${w.until}" is not a real date`, `"${w.until}" は実在しない日付です`));
    }
  });
  for (const p of checklistProblems(cfg.checklist, knownRuleIds)) add(p.path, p.message);
  if (typeof cfg.history?.store === 'string') {
    const st = cfg.history.store;
    if (/^postgres(ql)?:\/\/[^/@]*:[^/@]*@/i.test(st)) {
      add(['history', 'store'], L('a password does not belong in honban.yml; give it in PGPASSWORD or ~/.pgpass (or the whole URL in HONBAN_STORE)', 'パスワードは honban.yml に書きません。PGPASSWORD か ~/.pgpass で渡してください (または URL 全体を HONBAN_STORE で)'));
    } else if (!/^(sqlite:.+|postgres(ql)?:\/\/.+)$/i.test(st)) {
      add(['history', 'store'], L(`must be sqlite:PATH or postgres://…, not "${st}"`, `sqlite:PATH か postgres://… でなければなりません ("${st}" ではなく)`));
    }
  }
  for (const [name, spec] of Object.entries(variables)) {
    const envs = spec && typeof spec === 'object' && spec.environments && typeof spec.environments === 'object' ? spec.environments : {};
    for (const [where, s] of [[['variables', name], spec], ...Object.entries(envs).map(([e, o]) => [['variables', name, 'environments', e], o] as const)] as const) {
      if (s && typeof s === 'object' && typeof (s as Record<string, unknown>).pattern === 'string') {
        const problem = linearRegExpProblem((s as Record<string, unknown>).pattern as string);
        if (problem) add([...where, 'pattern'], L(`not a pattern honban can run: ${problem}`, `honban が実行できるパターンではありません: ${problem}`));
      }
    }
  }
  return problems;
}

/** Problems the JSON Schema cannot express: unique ids, automated xor manual, reasons, dates, rule ids. */
function checklistProblems(list: unknown, knownRuleIds?: ReadonlySet<string>): { path: (string | number)[]; message: Localized }[] {
  if (!Array.isArray(list)) return [];
  const problems: { path: (string | number)[]; message: Localized }[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw, i) => {
    if (!raw || typeof raw !== 'object') return;
    const it = raw as Partial<ChecklistItem>;
    const at = (...rest: (string | number)[]) => ['checklist', i, ...rest];
    const problem = (path: (string | number)[], en: string, ja: string) => problems.push({ path, message: L(en, ja) });
    if (typeof it.id === 'string') {
      if (seen.has(it.id)) problem(at('id'), `"${it.id}" is also the id of checklist.${seen.get(it.id)}`, `"${it.id}" は checklist.${seen.get(it.id)} の id と重複しています`);
      else seen.set(it.id, i);
    }
    const automated = it.checks !== undefined;
    const manual = it.status !== undefined;
    if (automated && manual) problem(at(), 'give either checks: (automated) or status: (manual), not both', 'checks: (自動) と status: (手動) のどちらか一方だけを指定してください');
    if (!automated && !manual) {
      problem(
        at(),
        'needs checks: (rule ids or globs such as tls/*) or a manual status: (todo, done, deferred, skipped, not-applicable)',
        'checks: (ルール ID か tls/* のような glob) か手動の status: (todo、done、deferred、skipped、not-applicable) が必要です',
      );
    }
    if (automated) {
      for (const key of ['evidence', 'attested', 'reattest', 'reason', 'until'] as const) {
        if (it[key] !== undefined) problem(at(key), "only for manual items (an automated item's status comes from its checks)", '手動の項目だけに指定できます (自動の項目の状態は checks から決まります)');
      }
      if (knownRuleIds && Array.isArray(it.checks)) {
        it.checks.forEach((c, j) => {
          if (typeof c !== 'string') return;
          if (!matchesAnyRule(c, knownRuleIds)) problem(at('checks', j), `no rule matches "${c}"`, `"${c}" に一致するルールがありません`);
        });
      }
    }
    if (manual) {
      const needsReason = it.status === 'deferred' || it.status === 'skipped' || it.status === 'not-applicable';
      if (needsReason && !it.reason) problem(at('reason'), `a ${it.status} item needs a reason`, `${it.status} の項目には reason (理由) が必要です`);
      if (!needsReason && it.until !== undefined) problem(at('until'), 'only for deferred, skipped or not-applicable items', 'deferred、skipped、not-applicable の項目だけに指定できます');
      if (it.status === 'done' && !it.attested) problem(at('attested'), 'a done item needs attested: { by, on }', 'done の項目には attested: { by, on } が必要です');
    }
    for (const key of ['due', 'until'] as const) {
      const v = it[key];
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isRealDate(v)) problem(at(key), `"${v}" is not a real date`, `"${v}" は実在しない日付です`);
    }
    const on = it.attested?.on;
    if (typeof on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(on) && !isRealDate(on)) problem(at('attested', 'on'), `"${on}" is not a real date`, `"${on}" は実在しない日付です`);
  });
  return problems;
}

/** A rule id, or a glob with `*` (tls/*, *-secret): does it name at least one rule? */
export function ruleGlob(pattern: string): (id: string) => boolean {
  if (!pattern.includes('*')) return (id) => id === pattern;
  const parts = pattern.split('*');
  return (id) => {
    if (!id.startsWith(parts[0]!) || !id.endsWith(parts[parts.length - 1]!)) return false;
    let at = parts[0]!.length;
    for (let k = 1; k < parts.length - 1; k++) {
      const found = id.indexOf(parts[k]!, at);
      if (found < 0) return false;
      at = found + parts[k]!.length;
    }
    return at <= id.length - parts[parts.length - 1]!.length;
  };
}

function matchesAnyRule(pattern: string, ids: ReadonlySet<string>): boolean {
  const m = ruleGlob(pattern);
  for (const id of ids) if (m(id)) return true;
  return false;
}

import { createRequire } from 'node:module';
function requireAjv(): new (opts: object) => { compile(schema: object): typeof validator } {
  const require = createRequire(import.meta.url);
  const mod = require('ajv');
  return mod.default ?? mod;
}

function requireAjvJa(): (errors: unknown[]) => void {
  const require = createRequire(import.meta.url);
  return require('ajv-i18n/localize/ja') as (errors: unknown[]) => void;
}

function isRealDate(ymd: string): boolean {
  const d = new Date(`${ymd}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === ymd;
}
