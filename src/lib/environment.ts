/** Environment names and how a path or class name maps to one (production, staging, development, test, shared, template). */
import { SHARED, TEMPLATE, type EnvName } from '../contracts/types.js';

/** Synonyms that name a well-known environment in file and directory names. */
const SYNONYMS: Record<string, EnvName> = {
  production: 'production',
  prod: 'production',
  prd: 'production',
  staging: 'staging',
  stage: 'staging',
  stg: 'staging',
  development: 'development',
  develop: 'development',
  dev: 'development',
  local: 'development',
  test: 'test',
  testing: 'test',
  tests: 'test',
  ci: 'test',
};

const TEMPLATE_WORDS = new Set(['example', 'sample', 'template', 'dist', 'tmpl', 'tpl', 'defaults', 'schema']);

/** Normalizes an environment name given by the user (`prod` → `production`). */
export function normalizeEnvName(name: string): EnvName {
  const lower = name.trim().toLowerCase();
  return SYNONYMS[lower] ?? lower;
}

function envOfToken(token: string, extra: Set<string>): EnvName | undefined {
  const t = token.toLowerCase();
  if (SYNONYMS[t]) return SYNONYMS[t];
  if (extra.has(t)) return t;
  return undefined;
}

/**
 * Classifies a file by its path (DESIGN.md, "Environments").
 *
 * - `.env.example`, `.env.sample`, `.env.template` → TEMPLATE
 * - `.env.production`, `.env.prod.local`, `docker-compose.prod.yml`, `Dockerfile.prod`,
 *   `settings/production.py`, `config/environments/production.rb`, `production.tfvars`,
 *   `env/production/app.env`, `deploy/prod/…` → production (and the same for other environments)
 * - anything else → SHARED
 *
 * `customEnvs` are extra environment names (from `--env` or honban.yml) recognized as tokens.
 */
export function classifyEnvironment(path: string, customEnvs: Iterable<string> = []): EnvName {
  const extra = new Set([...customEnvs].map((e) => e.toLowerCase()));
  const segments = path.split('/');
  const base = segments[segments.length - 1] ?? '';
  const lowerBase = base.toLowerCase();

  // Tokens of the file name: `.env.production.local` → [env, production, local];
  // `docker-compose.prod.yml` → [docker, compose, prod, yml]; `settings_prod.py` → [settings, prod, py]
  const baseTokens = lowerBase.split(/[._-]+/).filter(Boolean);

  // Django's settings/local.py (cookiecutter-django and most tutorials) is a developer's machine.
  if (lowerBase === 'local.py' && segments.length >= 2 && segments[segments.length - 2]!.toLowerCase() === 'settings') return 'development';

  // compose.override.yml is merged by `docker compose up` on a developer's machine: development.
  if (/^(docker-)?compose\.override\.ya?ml$/.test(lowerBase)) return 'development';

  // Templates first: `.env.example`, `.env.production.example`, `config.sample.yml`.
  if (baseTokens.some((t) => TEMPLATE_WORDS.has(t)) && isConfigLike(lowerBase)) return TEMPLATE;

  // File name tokens, excluding the first token of a two-token name (`production.rb` has the env as
  // its stem and counts; `test.py` in a `tests/` dir is handled below).
  for (const t of baseTokens) {
    // `.env.local` is development by convention; `local` alone in other names is not meaningful.
    if (t === 'local' && !lowerBase.startsWith('.env')) continue;
    // `test_*.py` / `*_test.go` / `*.test.ts` are test code, not test configuration.
    if ((t === 'test' || t === 'tests' || t === 'ci') && !isConfigLike(lowerBase)) continue;
    const env = envOfToken(t, extra);
    if (env) return env;
  }

  // Directory segments: `env/production/`, `environments/prod/`, `deploy/staging/`, `settings/`.
  for (let i = segments.length - 2; i >= 0; i--) {
    const seg = segments[i]!.toLowerCase();
    if (seg === 'tests' || seg === 'test' || seg === 'spec' || seg === '__tests__') {
      // Test code directories: their files are test environment only when config-like.
      return 'test';
    }
    const env = envOfToken(seg, extra);
    if (env && seg !== 'local' && seg !== 'ci') return env;
  }
  return SHARED;
}

/** A file name that configures an environment (as opposed to source code that tests something). */
function isConfigLike(lowerBase: string): boolean {
  return (
    lowerBase.startsWith('.env') ||
    /(^|\.)env(\.|$)/.test(lowerBase) ||
    /\.(ya?ml|env|rb|tfvars|json|toml|ini|conf|cfg)$/.test(lowerBase) ||
    /^(dockerfile|containerfile)/.test(lowerBase) ||
    /(settings|config)/.test(lowerBase)
  );
}

/** Python / Ruby class names that name an environment: `ProductionConfig`, `DevConfig`, `TestingSettings`. */
export function classifyClassName(name: string, customEnvs: Iterable<string> = []): EnvName | undefined {
  const extra = new Set([...customEnvs].map((e) => e.toLowerCase()));
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_]+/);
  for (const w of words) {
    const env = envOfToken(w, extra);
    if (env && w !== 'local' && w !== 'ci') return env;
  }
  return undefined;
}

/** Does a fact of environment `factEnv` count when judging `target`? */
export function judges(target: EnvName, factEnv: EnvName): boolean {
  return factEnv === SHARED || factEnv === target;
}
