/** Environment names and how a path or class name maps to one (production, staging, development, test, shared, template, ci, example). */
import { gitignore, type Ignore } from '../lib/gitignore.js';
import { CI, EXAMPLE, SHARED, TEMPLATE, type EnvName } from '../contracts/types.js';

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
  e2e: 'test',
  smoketest: 'test',
  smoketests: 'test',
  playwright: 'test',
  cypress: 'test',
  ci: CI,
};

/** CI configuration files at fixed places. */
const CI_FILES = new Set([
  '.gitlab-ci.yml', '.gitlab-ci.yaml', '.travis.yml', 'azure-pipelines.yml', 'azure-pipelines.yaml', 'bitbucket-pipelines.yml',
  'jenkinsfile', '.drone.yml', 'appveyor.yml', '.appveyor.yml', '.cirrus.yml', 'codecov.yml', '.codecov.yml', 'cloudbuild.yaml', 'cloudbuild.yml',
  '.woodpecker.yml',
]);
/** Directories whose files are CI configuration (relative to any project root). */
const CI_DIRS = ['.github/workflows', '.github/actions', '.circleci', '.buildkite', '.gitlab/ci', '.woodpecker', '.azure-pipelines', '.ci'];
/** Directories of test code and test tooling. */
const TEST_DIRS = new Set(['tests', 'test', 'spec', '__tests__', 'e2e', 'cypress', 'playwright', 'smoke-tests', 'smoketests', 'integration-tests']);
/** Directories of usage examples and documentation. */
const EXAMPLE_DIRS = new Set(['examples', 'samples', 'docs', 'doc', 'documentation']);
/** Documentation files: prose, not configuration. */
const DOC_EXT = /\.(md|markdown|mdx|rst|adoc|asciidoc)$/;
/** Source code, where a `local` directory or name means nothing about the environment. */
const SOURCE_EXT = /\.(py|rb|js|mjs|cjs|jsx|ts|tsx|go|java|kt|cs|php|rs|ex|exs)$/;

/** honban.yml `environments:` classification: gitignore-style globs per environment, first match wins. */
export interface EnvironmentOverride {
  environment: EnvName;
  patterns: string[];
}

const overrideCache = new WeakMap<readonly EnvironmentOverride[], { environment: EnvName; ig: Ignore }[]>();

function matchOverride(path: string, overrides: readonly EnvironmentOverride[]): EnvName | undefined {
  let compiled = overrideCache.get(overrides);
  if (!compiled) {
    compiled = overrides.map((o) => ({ environment: o.environment, ig: gitignore().add(o.patterns) }));
    overrideCache.set(overrides, compiled);
  }
  for (const c of compiled) {
    try {
      if (c.ig.ignores(path)) return c.environment;
    } catch {
      // a path `ignore` cannot judge (absolute, ../) matches nothing
    }
  }
  return undefined;
}

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
 * - CI configuration (`.github/workflows/`, `.gitlab-ci.yml`, …) → CI
 * - `.devcontainer/`, `docker-compose.local.yml`, `compose/local/` → development; `tests/`, `e2e/`,
 *   Playwright / Cypress, smoke tests → test; `examples/`, `docs/`, Markdown → EXAMPLE
 * - anything else → SHARED
 *
 * `customEnvs` are extra environment names (from `--env` or honban.yml) recognized as tokens;
 * `overrides` (honban.yml `environments:` globs) win over everything.
 */
export function classifyEnvironment(path: string, customEnvs: Iterable<string> = [], overrides: readonly EnvironmentOverride[] = []): EnvName {
  if (overrides.length) {
    const o = matchOverride(path, overrides);
    if (o) return normalizeEnvName(o) === 'shared' ? SHARED : o;
  }
  const extra = new Set([...customEnvs].map((e) => e.toLowerCase()));
  const segments = path.split('/');
  const base = segments[segments.length - 1] ?? '';
  const lowerBase = base.toLowerCase();
  const dirs = segments.slice(0, -1).map((d) => d.toLowerCase());
  const dirPath = dirs.join('/');

  // CI configuration: its own environment, judged only for committed credentials.
  if (CI_FILES.has(lowerBase) && !dirs.some((d) => TEST_DIRS.has(d) || EXAMPLE_DIRS.has(d))) return CI;
  if (CI_DIRS.some((d) => dirPath === d || dirPath.endsWith('/' + d) || dirPath.startsWith(d + '/') || dirPath.includes('/' + d + '/'))) return CI;

  // A dev container is a developer's workstation.
  if (dirs.includes('.devcontainer')) return 'development';

  // Tokens of the file name: `.env.production.local` → [env, production, local];
  // `docker-compose.prod.yml` → [docker, compose, prod, yml]; `settings_prod.py` → [settings, prod, py]
  const baseTokens = lowerBase.split(/[._-]+/).filter(Boolean);

  // Django's settings/local.py (cookiecutter-django and most tutorials) is a developer's machine.
  if (lowerBase === 'local.py' && segments.length >= 2 && segments[segments.length - 2]!.toLowerCase() === 'settings') return 'development';

  // compose.override.yml is merged by `docker compose up` on a developer's machine: development.
  if (/^(docker-)?compose\.override\.ya?ml$/.test(lowerBase)) return 'development';

  // Templates first: `.env.example`, `.env.production.example`, `config.sample.yml`.
  if (baseTokens.some((t) => TEMPLATE_WORDS.has(t)) && isConfigLike(lowerBase)) return TEMPLATE;

  // Documentation is prose, not configuration of a deployment.
  if (DOC_EXT.test(lowerBase)) return EXAMPLE;

  const deployFile = isDeployFile(lowerBase);
  // File name tokens, excluding the first token of a two-token name (`production.rb` has the env as
  // its stem and counts; `test.py` in a `tests/` dir is handled below).
  for (const t of baseTokens) {
    // `local` names a developer's machine in `.env.local`, `docker-compose.local.yml`, `Dockerfile.local`;
    // elsewhere (`local_settings.py` often holds production overrides) it says nothing.
    if (t === 'local' && !lowerBase.startsWith('.env') && !deployFile) continue;
    // `docker-compose.docs.yml` runs a documentation server for authors.
    if ((t === 'docs' || t === 'doc') && deployFile) return 'development';
    // `test_*.py` / `*_test.go` / `*.test.ts` are test code, not test configuration.
    if ((t === 'test' || t === 'tests' || t === 'ci') && !isConfigLike(lowerBase)) continue;
    const env = envOfToken(t, extra);
    if (env) return env;
  }

  // Directory segments: `env/production/`, `environments/prod/`, `deploy/staging/`, `compose/local/`.
  for (let i = dirs.length - 1; i >= 0; i--) {
    const seg = dirs[i]!;
    // Test code and test tooling, usage examples and documentation.
    if (TEST_DIRS.has(seg)) return 'test';
    if (EXAMPLE_DIRS.has(seg)) return EXAMPLE;
    if (seg === 'local' && SOURCE_EXT.test(lowerBase)) continue;
    const env = envOfToken(seg, extra);
    if (env && env !== CI) return env;
  }
  return SHARED;
}

/** Files that define how something is built or run (where `local` / `docs` in the name mean an environment). */
function isDeployFile(lowerBase: string): boolean {
  return /^(docker-)?compose([.-].*)?\.ya?ml$/.test(lowerBase) || /^(dockerfile|containerfile)/.test(lowerBase) || lowerBase.endsWith('.dockerfile') || /^procfile/.test(lowerBase);
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
    if (env && w !== 'local' && env !== CI) return env;
  }
  return undefined;
}

/** Does a fact of environment `factEnv` count when judging `target`? */
export function judges(target: EnvName, factEnv: EnvName): boolean {
  return factEnv === SHARED || factEnv === target;
}
