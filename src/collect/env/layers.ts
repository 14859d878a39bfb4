/**
 * Which env files make up an environment, in precedence order (last wins), and which environments a
 * repository has.
 *
 * Defaults: `.env`, then `.env.<env>` (and its synonyms / aliases: `.env.prod`, `.env.production.local`),
 * then `env/<env>/*.env` in name order. `environments.<env>.files` in honban.yml replaces the defaults.
 */
import type { HonbanConfig } from '../../contracts/config.js';
import { classifyEnvironment, normalizeEnvName } from '../../lib/environment.js';
import { SHARED, TEMPLATE, type EnvName } from '../../contracts/types.js';
import { expandGlob, type RepoView } from './fs.js';

/** Resolves `--env` through synonyms (`prod`) and honban.yml aliases (`live` → production). */
export function resolveEnvName(name: string, config: HonbanConfig): EnvName {
  const raw = name.trim();
  const envs = config.environments ?? {};
  if (envs[raw]) return raw;
  const lower = raw.toLowerCase();
  for (const [env, def] of Object.entries(envs)) {
    if ((def.aliases ?? []).some((a) => a.toLowerCase() === lower)) return env;
  }
  const n = normalizeEnvName(raw);
  for (const [env, def] of Object.entries(envs)) {
    if ((def.aliases ?? []).some((a) => normalizeEnvName(a) === n)) return env;
  }
  return n;
}

/** Every name an environment goes by: itself, honban.yml aliases. */
function aliasesOf(env: EnvName, config: HonbanConfig): string[] {
  return [env, ...(config.environments?.[env]?.aliases ?? [])];
}

function customEnvs(config: HonbanConfig, extra: EnvName[] = []): string[] {
  const out = new Set<string>(extra);
  for (const [env, def] of Object.entries(config.environments ?? {})) {
    out.add(env);
    for (const a of def.aliases ?? []) out.add(a);
  }
  return [...out];
}

/** The environment a path belongs to, honouring honban.yml aliases. */
export function environmentOfPath(p: string, config: HonbanConfig, extra: EnvName[] = []): EnvName {
  const env = classifyEnvironment(p, customEnvs(config, extra));
  if (env === SHARED || env === TEMPLATE) return env;
  return resolveEnvName(env, config);
}

function isDotenvName(base: string): boolean {
  const lower = base.toLowerCase();
  return lower === '.env' || lower.startsWith('.env.') || lower.endsWith('.env');
}

/** The env files of `env`, in precedence order (last wins). */
export function envFilesOf(view: RepoView, env: EnvName, config: HonbanConfig): { files: string[]; configured: boolean } {
  const configured = config.environments?.[env]?.files;
  if (configured && configured.length) {
    const out: string[] = [];
    for (const pattern of configured) for (const f of expandGlob(view, pattern)) if (!out.includes(f)) out.push(f);
    return { files: out, configured: true };
  }
  const out: string[] = [];
  const root = view.listDir('');
  if (root.includes('.env')) out.push('.env');
  const named = root
    .filter((f) => f.toLowerCase().startsWith('.env.') && environmentOfPath(f, config, [env]) === env)
    .sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  out.push(...named);
  for (const dir of ['env']) {
    for (const sub of view.listSubdirs(dir)) {
      const name = sub.slice(dir.length + 1);
      if (!aliasesOf(env, config).some((a) => a.toLowerCase() === name.toLowerCase()) && resolveEnvName(name, config) !== env) continue;
      out.push(...view.listDir(sub).filter((f) => f.toLowerCase().endsWith('.env')));
    }
  }
  return { files: out, configured: false };
}

/** Every environment the repository (or honban.yml) names, besides SHARED and templates. */
export function knownEnvironments(view: RepoView, config: HonbanConfig): EnvName[] {
  const out = new Set<EnvName>(Object.keys(config.environments ?? {}));
  for (const f of view.listDir('')) {
    const base = f.toLowerCase();
    if (!base.startsWith('.env.') || !isDotenvName(base)) continue;
    const env = environmentOfPath(f, config);
    if (env !== SHARED && env !== TEMPLATE) out.add(env);
  }
  for (const sub of view.listSubdirs('env')) {
    if (!view.listDir(sub).some((f) => f.toLowerCase().endsWith('.env'))) continue;
    out.add(resolveEnvName(sub.slice(4), config));
  }
  return [...out].sort();
}

/** Template files documenting the variables (`.env.example`, `.env.sample`, `.env.template`, `.env.<env>.example`). */
export function templateFiles(view: RepoView): string[] {
  return view
    .listDir('')
    .filter((f) => f.toLowerCase().startsWith('.env') && classifyEnvironment(f) === TEMPLATE)
    .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
}

const TEMPLATE_SUFFIX = /[._-](example|sample|template|dist|tmpl|tpl|defaults|schema)$/i;

/** Templates that document `env`: generic ones and `.env.<env>.example`, not other environments'. */
export function templateFilesFor(view: RepoView, env: EnvName, config: HonbanConfig): string[] {
  return templateFiles(view).filter((f) => {
    const stripped = f.replace(TEMPLATE_SUFFIX, '');
    if (stripped === f || stripped === '.env' || stripped === '') return true;
    const e = environmentOfPath(stripped, config, [env]);
    return e === SHARED || e === env;
  });
}
