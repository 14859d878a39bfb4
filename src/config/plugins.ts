/**
 * Custom rules: `plugins: [./honban-rules/*.js]` in honban.yml names local ES modules that export
 * rules made with `defineRule(...)`. They are validated like honban's own rules (id, severity, facts,
 * en + ja texts); a plugin that cannot be loaded or holds an invalid rule is a configuration error
 * (exit 2, every problem listed): running without a team's own rules must not look like a pass.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../contracts/errors.js';
import { globMatcher, isGlob } from '../lib/glob.js';
import { L } from '../lib/i18n.js';
import { SEVERITIES, type Localized, type Rule } from '../contracts/types.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const MODULE = /\.(m?js)$/;
/** Directories a plugin glob never walks into. */
const SKIP = new Set(['node_modules', '.git']);
const MAX_FILES = 1000;

export interface PluginContext {
  /** Ids of honban's own rules (a plugin may not reuse one). */
  builtinIds: ReadonlySet<string>;
  /** Fact names a `scan` rule can declare (those with a collector or deriver). */
  scanFacts?: ReadonlySet<string>;
}

/** The files a pattern names, relative to `base`: a path, or a glob (`*`, `**`, `?`, `[…]`, `{a,b}`). */
function expand(pattern: string, base: string): string[] {
  const abs = path.resolve(base, pattern);
  if (!isGlob(pattern) && !/[{}]/.test(pattern)) return [abs];
  // Walk from the longest directory prefix without glob characters.
  const parts = abs.split(path.sep);
  const firstGlob = parts.findIndex((p) => isGlob(p) || /[{}]/.test(p));
  const root = parts.slice(0, firstGlob).join(path.sep) || path.sep;
  const re = globMatcher(parts.slice(firstGlob).join('/'));
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (out.length >= MAX_FILES) return;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && !SKIP.has(e.name)) walk(path.join(dir, e.name), r);
      else if (e.isFile() && re.test(r)) out.push(path.join(dir, e.name));
    }
  };
  walk(root, '');
  return out;
}

function isRuleLike(v: unknown): v is Rule<any> {
  return !!v && typeof v === 'object' && typeof (v as Rule).id === 'string' && 'check' in (v as object);
}

/** Every problem of a plugin rule, as built-in rules are held to them (the meta-test's checks). */
export function ruleProblems(r: Rule<any>, ctx: PluginContext): Localized[] {
  const p: Localized[] = [];
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(r.id)) p.push(L(`id "${r.id}" must be <domain>/<name> in lowercase letters, digits and "-"`, `ID "${r.id}" は小文字・数字・"-" による <ドメイン>/<名前> にしてください`));
  else if (r.id.split('/')[1]!.startsWith('no-')) p.push(L(`id "${r.id}": ids name the failing state, without a "no-" prefix`, `ID "${r.id}": ID は問題のある状態を名付けます ("no-" は付けません)`));
  if (ctx.builtinIds.has(r.id)) p.push(L(`id "${r.id}" is a rule of honban itself`, `ID "${r.id}" は honban 自身のルールです`));
  if (!(SEVERITIES as readonly string[]).includes(r.severity)) p.push(L(`severity must be one of ${SEVERITIES.join(', ')}`, `severity は ${SEVERITIES.join(', ')} のいずれかにしてください`));
  if (typeof r.check !== 'function') p.push(L('check must be a function (facts, ctx) => void', 'check は関数 (facts, ctx) => void にしてください'));
  const commands: readonly unknown[] = Array.isArray(r.command) ? r.command : [r.command ?? 'scan'];
  if (commands.length === 0 || !commands.every((c) => typeof c === 'string' && ['scan', 'env', 'probe'].includes(c))) p.push(L('command must be scan, env or probe (or a list of them)', 'command は scan、env、probe のいずれか (またはその一覧) にしてください'));
  if (!Array.isArray(r.facts) || r.facts.length === 0) p.push(L('facts must list the facts the rule reads (e.g. ["dockerfile"])', 'facts にはルールが読むファクトを並べてください (例: ["dockerfile"])'));
  else if (commands.includes('scan') && ctx.scanFacts) {
    const known = [...ctx.scanFacts].sort().join(', ');
    for (const f of r.facts) if (!ctx.scanFacts.has(f)) p.push(L(`fact "${f}" does not exist (known: ${known})`, `ファクト "${f}" はありません (あるもの: ${known})`));
  }
  for (const field of ['title', 'description', 'fix'] as const) {
    const v = r[field] as Localized | undefined;
    if (!v || typeof v.en !== 'string' || v.en.trim().length < 4) p.push(L(`${field}.en is missing`, `${field}.en がありません`));
    if (!v || typeof v.ja !== 'string' || !JAPANESE.test(v.ja)) p.push(L(`${field}.ja is missing or not Japanese`, `${field}.ja がないか、日本語ではありません`));
  }
  if (r.environments !== undefined && (!Array.isArray(r.environments) || r.environments.length === 0)) p.push(L('environments, when given, lists target environments', 'environments を書くときは対象環境を並べてください'));
  if (r.scope !== undefined && r.scope !== 'target' && r.scope !== 'all') p.push(L('scope must be target or all', 'scope は target か all にしてください'));
  if (r.docsUrl !== undefined && !/^https?:\/\//.test(r.docsUrl)) p.push(L('docsUrl must be an http(s) URL', 'docsUrl は http(s) の URL にしてください'));
  return p;
}

/**
 * Loads the rules of `patterns` (relative to `base`, the directory of honban.yml). Throws a
 * UserError listing every problem: a pattern matching nothing, a module that does not load, a module
 * without rules, an invalid rule, a duplicate id.
 */
export async function loadPlugins(patterns: readonly string[], base: string, source: string, ctx: PluginContext): Promise<Rule<any>[]> {
  const problems: Localized[] = [];
  const rules: Rule<any>[] = [];
  const seen = new Map<string, string>();
  const display = (abs: string) => {
    const rel = path.relative(base, abs);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
  };
  for (const pattern of patterns) {
    const files = expand(pattern, base).filter((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    });
    if (!files.length) {
      problems.push(L(`plugins: "${pattern}" matches no file`, `plugins: "${pattern}" に一致するファイルがありません`));
      continue;
    }
    for (const file of files) {
      const shown = display(file);
      if (!MODULE.test(file)) {
        problems.push(L(`plugins: ${shown} is not a JavaScript module (.js or .mjs)`, `plugins: ${shown} は JavaScript のモジュール (.js か .mjs) ではありません`));
        continue;
      }
      let mod: Record<string, unknown>;
      try {
        mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      } catch (e) {
        const why = `${(e as Error)?.name ?? 'Error'}: ${String((e as Error)?.message ?? e).split('\n')[0]}`;
        problems.push(L(`plugins: ${shown} cannot be loaded: ${why}`, `plugins: ${shown} を読み込めません: ${why}`));
        continue;
      }
      // The default export (a rule or a list of rules) and any named export that is a rule.
      const found: Rule<any>[] = [];
      for (const v of [mod.default, ...Object.entries(mod).filter(([k]) => k !== 'default').map(([, v]) => v)]) {
        for (const x of Array.isArray(v) ? v : [v]) if (isRuleLike(x) && !found.includes(x)) found.push(x);
      }
      if (!found.length) {
        problems.push(L(`plugins: ${shown} exports no rule (export default defineRule({ … }))`, `plugins: ${shown} がルールを export していません (export default defineRule({ … }))`));
        continue;
      }
      for (const r of found) {
        const ps = ruleProblems(r, ctx);
        for (const x of ps) problems.push(L(`plugins: ${shown}: ${r.id}: ${x.en}`, `plugins: ${shown}: ${r.id}: ${x.ja}`));
        const other = seen.get(r.id);
        if (other) problems.push(L(`plugins: ${shown}: ${r.id} is also defined in ${other}`, `plugins: ${shown}: ${r.id} は ${other} でも定義されています`));
        if (!ps.length && !other) {
          seen.set(r.id, shown);
          rules.push(r);
        }
      }
    }
  }
  if (problems.length) {
    const n = problems.length;
    throw new UserError(
      L(`invalid config ${source}: ${n === 1 ? '1 problem' : `${n} problems`} with plugins`, `設定ファイル ${source} が不正です: プラグインの問題 ${n} 件`),
      problems.map((p) => ({ en: `  ${p.en}`, ja: `  ${p.ja}` })),
    );
  }
  return rules;
}
