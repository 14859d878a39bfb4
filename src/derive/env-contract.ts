/**
 * The env contract (DESIGN.md, "derive/"): for the target environment, which variables the code
 * reads (with or without a fallback, where) and which deployment surfaces provide which variables.
 * contract/* rules judge it: a variable the code needs that nothing provides (seed 004's CloudSearch
 * endpoints), placeholder values, secrets passed as plain environment next to a secrets mechanism.
 *
 * Inputs are whatever facts exist: code facts carry `envReads`, surface facts carry `provides` (+
 * `hasSecretMechanism`). A collector that is not available simply contributes nothing; a surface
 * file of the target environment that produced no fact is listed in `unread`, so rules do not claim
 * with certainty that "nothing provides X".
 */
import { COLLECTORS } from '../collect/index.js';
import type { BaseFact, Deriver } from '../contracts/collector.js';
import { judges } from '../lib/environment.js';
import type { CodeEnvRead, ProvidedVar } from '../facts/common.js';
import { requiredInProduction } from '../facts/env-read.js';
import { SHARED, TEMPLATE, type EnvName, type FactName, type SourceFile } from '../contracts/types.js';
import type { ContractSurface, ContractVariable, EnvContract } from '../facts/env-contract.js';
import { projectRoots } from './projects.js';
import { projectOf } from '../facts/projects.js';

/** Code facts that carry `envReads`. */
export const CODE_FACTS = ['python', 'ruby', 'javascript'] as const;
/** Surface facts that carry `provides`. */
export const SURFACE_FACTS = ['dotenv', 'compose', 'dockerfile', 'kubernetes', 'systemd', 'terraform'] as const;

/**
 * Variables the platform or the runtime sets. Reads of these never need a deployment surface.
 * Extend per project with `rules: { contract/missing-variable: { options: { allow: [NAME, …] } } }`.
 */
export const PLATFORM_VARIABLES = new Set([
  // Process / OS
  'HOME', 'PATH', 'USER', 'LOGNAME', 'SHELL', 'PWD', 'OLDPWD', 'SHLVL', 'TMPDIR', 'TMP', 'TEMP', 'HOSTNAME', 'TERM', 'LANG', 'LC_ALL', '_',
  // Platforms that assign the listening port (Heroku, Cloud Run, Render, App Engine, Railway, Fly) and its helpers
  'PORT', 'DYNO', 'WEB_CONCURRENCY',
  // Node / npm / bundlers (NODE_ENV is judged by the env rules, not as a missing variable);
  // PUBLIC_URL is injected by create-react-app / webpack at build time
  'NODE_ENV', 'INIT_CWD', 'NEXT_RUNTIME', 'NEXT_PHASE', 'PUBLIC_URL',
  // Vite's built-in import.meta.env keys
  'MODE', 'BASE_URL', 'PROD', 'DEV', 'SSR',
  // Ruby / Python runtimes
  'GEM_HOME', 'BUNDLE_GEMFILE', 'VIRTUAL_ENV', 'PYTHONPATH',
  // AWS (set by ECS / Fargate and Lambda)
  'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_EXECUTION_ENV', 'ECS_CONTAINER_METADATA_URI', 'ECS_CONTAINER_METADATA_URI_V4',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR', '_HANDLER',
  // Google Cloud Run / App Engine, Kubernetes, CI
  'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION', 'CLOUD_RUN_JOB', 'CLOUD_RUN_EXECUTION', 'GOOGLE_CLOUD_PROJECT',
  'KUBERNETES_SERVICE_HOST', 'KUBERNETES_SERVICE_PORT', 'CI',
  // Hosting platforms' own flags
  'RENDER', 'VERCEL', 'NETLIFY', 'FLY_APP_NAME', 'RAILWAY_ENVIRONMENT',
]);
const PLATFORM_PREFIXES = ['npm_', 'npm_config_', 'AWS_LAMBDA_', 'GAE_', 'GITHUB_', 'RENDER_', 'VERCEL_', 'FLY_', 'RAILWAY_', 'HEROKU_', 'CF_INSTANCE_'];

export function isPlatformVariable(name: string, extra: Iterable<string> = []): boolean {
  if (PLATFORM_VARIABLES.has(name)) return true;
  for (const e of extra) if (e === name || (e.endsWith('*') && name.startsWith(e.slice(0, -1)))) return true;
  return PLATFORM_PREFIXES.some((p) => name.startsWith(p));
}

/**
 * Files whose reads do not run in the deployed application: tests, specs, tool configuration
 * (bundlers, linters, test runners), seeds, migrations, deploy and task scripts run from a
 * developer's machine.
 */
export function isTestOrToolFile(path: string): boolean {
  const p = path.toLowerCase();
  const base = p.split('/').pop() ?? p;
  if (/(^|\/)(test|tests|spec|specs|__tests__|__mocks__|e2e|cypress|playwright|features|fixtures|testdata|stories|\.storybook)\//.test(p)) return true;
  if (/\.(test|spec|stories|e2e)\.[cm]?[jt]sx?$/.test(base) || /_(spec|test)\.rb$/.test(base) || /^(test_.*|.*_test|conftest)\.py$/.test(base)) return true;
  if (/^(vite|vitest|jest|webpack|rollup|babel|eslint|\.eslintrc|prettier|\.prettierrc|playwright|cypress|karma|tailwind|postcss|tsup|esbuild|commitlint|lint-staged|nodemon|gulpfile|gruntfile|svelte|astro|nuxt|remix|drizzle|knexfile|ormconfig)([.-]|$)/.test(base)) return true;
  if (/(^|\/)(scripts?|tools)\//.test(p)) return true;
  if (/(^|\/)db\/(seeds\.rb|migrate\/)/.test(p) || /(^|\/)lib\/tasks\//.test(p) || /\.rake$/.test(base)) return true;
  if (/^(gemfile|rakefile|capfile|guardfile|dangerfile|setup\.py|noxfile\.py|tasks\.py|fabfile\.py|manage\.py)$/.test(base)) return true;
  if (/(^|\/)config\/deploy(\.rb|\/)/.test(p)) return true;
  return false;
}

const DEFINING = new Set(['dotenv', 'compose', 'kubernetes', 'systemd', 'terraform']);
const OPAQUE_MECHANISMS = new Set(['EnvironmentFile=', 'env_file', 'k8s-envFrom', 'envFrom', 'environmentFiles', 'ecs-environment-file']);

/** A provided "variable" that is really a whole source honban cannot see into. */
function isOpaque(p: ProvidedVar): boolean {
  if (p.name === '*' || p.name === '') return true;
  if (p.mechanism === 'k8s-envFrom' || p.mechanism === 'envFrom') return true; // a ConfigMap / Secret name, not a variable
  if (OPAQUE_MECHANISMS.has(p.mechanism) && /[/*]|^\./.test(p.name)) return true;
  return !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(p.name);
}

/** How messages name a surface. */
export function surfaceLabel(fact: string, file: string, provides: readonly ProvidedVar[], raw?: Record<string, unknown>): string {
  const own = raw && typeof raw.label === 'string' ? raw.label : undefined;
  if (own) return `${own} (${file})`;
  switch (fact) {
    case 'terraform': {
      const containers = Array.isArray(raw?.containers) ? (raw!.containers as { taskDefinition?: unknown }[]) : [];
      const names = [...new Set(containers.map((c) => c.taskDefinition).filter((n): n is string => typeof n === 'string' && n !== '').map((n) => n.replace(/^aws_ecs_task_definition\./, '')))];
      if (names.length) return `ECS task definition ${names.join(', ')} (${file})`;
      return provides.some((p) => p.mechanism.startsWith('ecs-')) ? `ECS task definition (${file})` : `Terraform (${file})`;
    }
    case 'kubernetes':
      return `Kubernetes manifest (${file})`;
    case 'systemd':
      return `systemd unit (${file})`;
    default:
      return file;
  }
}

type FactMap = Record<string, unknown[] | undefined>;

const deriver: Deriver<'envContract'> = {
  fact: 'envContract',
  // Some of these facts are declared by collectors that may not exist yet: absent facts count as nothing.
  needs: [...CODE_FACTS, ...SURFACE_FACTS] as unknown as FactName[],
  derive(facts, ctx) {
    const all = facts as unknown as FactMap;
    const roots = projectRoots(ctx.files);
    const contracts: EnvContract[] = [];
    // One contract per project: a sample's compose file never provides another sample's variables.
    // Facts and files are put in their project's bucket in one pass (in order), not filtered per project.
    const only = new Map<string, FactMap>(roots.map((r) => [r.root, {} as FactMap]));
    const files = new Map<string, SourceFile[]>(roots.map((r) => [r.root, []]));
    for (const [k, v] of Object.entries(all)) {
      for (const m of only.values()) m[k] = [];
      for (const x of v ?? []) {
        const file = (x as BaseFact | undefined)?.file;
        if (typeof file !== 'string') continue;
        only.get(projectOf(roots, file))?.[k]?.push(x);
      }
    }
    for (const f of ctx.files as readonly SourceFile[]) files.get(projectOf(roots, f.path))?.push(f);
    for (const root of roots) {
      const c = contractOf(only.get(root.root)!, files.get(root.root)!, ctx.environment, root.root);
      if (c.variables.length || c.surfaces.length || c.templates.length || c.unread.length) contracts.push(c);
    }
    return contracts;
  },
};

function contractOf(all: FactMap, projectFiles: readonly SourceFile[], target: EnvName, project: string): EnvContract {
    const counts = (env: EnvName) => judges(target, env);

    // Surfaces, one per (fact, file).
    const byKey = new Map<string, ContractSurface>();
    const notSurfaces = new Set<string>();
    for (const name of SURFACE_FACTS) {
      for (const raw of (all[name] ?? []) as (BaseFact & { provides?: ProvidedVar[]; hasSecretMechanism?: boolean; template?: boolean })[]) {
        if (!raw || typeof raw.file !== 'string') continue;
        // `.flaskenv` is loaded by the Flask CLI only: no deployment surface.
        if ((raw as { loader?: string }).loader === 'flask-cli') {
          notSurfaces.add(raw.file);
          continue;
        }
        const provides = Array.isArray(raw.provides) ? raw.provides : [];
        const environment = raw.template ? TEMPLATE : raw.environment ?? SHARED;
        const key = `${name}\0${raw.file}\0${environment}`;
        let s = byKey.get(key);
        if (!s) {
          s = { file: raw.file, label: '', fact: name, environment, defining: false, hasSecretMechanism: false, provides: [], opaque: [] };
          byKey.set(key, s);
        }
        for (const p of provides) (isOpaque(p) ? s.opaque : s.provides).push(p);
        // compose `env_file:` entries that are not in the repository: variables honban cannot see.
        const services = (raw as { services?: { envFiles?: { path: string; found?: boolean; line: number; column: number }[] }[] }).services;
        if (name === 'compose' && Array.isArray(services)) {
          for (const svc of services) {
            for (const ef of svc.envFiles ?? []) {
              if (ef.found === false) s.opaque.push({ name: ef.path, mechanism: 'env_file', viaSecretStore: false, file: raw.file, line: ef.line, column: ef.column });
            }
          }
        }
        s.hasSecretMechanism ||= raw.hasSecretMechanism === true;
        s.label = surfaceLabel(name, raw.file, s.provides, raw as unknown as Record<string, unknown>);
        // Terraform files define an environment only when they hold one (an ECS task definition …).
        s.defining = DEFINING.has(name) && (name !== 'terraform' || s.provides.length > 0 || s.opaque.length > 0);
      }
    }
    const surfaces: ContractSurface[] = [];
    const templates: ContractSurface[] = [];
    const otherSurfaces: ContractSurface[] = [];
    for (const s of byKey.values()) {
      if (s.fact === 'terraform' && !s.defining) continue;
      if (s.environment === TEMPLATE) templates.push(s);
      else if (counts(s.environment)) surfaces.push(s);
      else otherSurfaces.push(s);
    }

    // Surface files of the target environment that produced no fact.
    const unread: string[] = [];
    const seen = new Set([...byKey.values()].map((s) => `${s.fact}\0${s.file}`));
    for (const name of SURFACE_FACTS) {
      const kinds = new Set(COLLECTORS[name]?.kinds ?? []);
      for (const f of projectFiles) {
        if (!kinds.has(f.kind) || f.environment === TEMPLATE || !counts(f.environment)) continue;
        if (seen.has(`${name}\0${f.path}`) || notSurfaces.has(f.path)) continue;
        // Only files that would hold variables: an ECS task / container definition, a workload manifest.
        if (name === 'terraform' && !/container_definitions|aws_ecs_task_definition/.test(f.content)) continue;
        if (name === 'kubernetes' && !/\bcontainers\s*:/.test(f.content)) continue;
        unread.push(f.path);
      }
    }

    // Reads.
    const variables = new Map<string, ContractVariable>();
    const ignoredReads: EnvContract['ignoredReads'] = [];
    for (const name of CODE_FACTS) {
      for (const raw of (all[name] ?? []) as (BaseFact & { envReads?: CodeEnvRead[] })[]) {
        if (!raw || !Array.isArray(raw.envReads) || !counts(raw.environment ?? SHARED)) continue;
        for (const r of raw.envReads) {
          if (isTestOrToolFile(r.file)) {
            ignoredReads.push({ read: r, reason: 'test-or-tool' });
            continue;
          }
          if (r.devOnly) {
            ignoredReads.push({ read: r, reason: 'dev-only' });
            continue;
          }
          if (typeof r.environment === 'string' && !counts(r.environment)) {
            ignoredReads.push({ read: r, reason: 'other-environment' });
            continue;
          }
          let v = variables.get(r.name);
          if (!v) {
            v = { name: r.name, reads: [], requiredReads: [], platform: isPlatformVariable(r.name), provided: [], documented: [], elsewhere: [] };
            variables.set(r.name, v);
          }
          v.reads.push(r);
          if (requiredInProduction(r)) v.requiredReads.push(r);
        }
      }
    }
    const byPosition = (a: { file: string; line: number; column: number }, b: { file: string; line: number; column: number }) =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
    const index = (list: ContractSurface[]) => {
      const m = new Map<string, ProvidedVar[]>();
      for (const s of list) for (const p of s.provides) (m.get(p.name) ?? m.set(p.name, []).get(p.name)!).push(p);
      return m;
    };
    const provided = index(surfaces);
    const documented = index(templates);
    const elsewhere = index(otherSurfaces);
    for (const v of variables.values()) {
      v.reads.sort(byPosition);
      v.requiredReads.sort(byPosition);
      const buildTime = v.reads.every((r) => r.buildTime);
      v.provided = (provided.get(v.name) ?? []).filter((p) => p.mechanism !== 'ARG' || buildTime);
      v.documented = documented.get(v.name) ?? [];
      v.elsewhere = elsewhere.get(v.name) ?? [];
    }
    const contract: EnvContract = {
      file: project || '.',
      environment: SHARED,
      target,
      project,
      variables: [...variables.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      surfaces,
      templates,
      otherSurfaces,
      unread,
      ignoredReads,
    };
    return contract;
}

export default deriver;
