import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CollectContext } from '../contracts/collector.js';
import { collectFacts } from '../engine/collect.js';
import type { ProvidedVar } from '../facts/common.js';
import { toSourceFiles } from '../commands/scan.js';
import deriver, { isPlatformVariable, isTestOrToolFile } from './env-contract.js';
import { type EnvContract } from '../facts/env-contract.js';
import { type CodeEnvRead } from '../facts/common.js';

const read = (name: string, file: string, line: number, extra: Partial<CodeEnvRead> = {}): CodeEnvRead => ({ name, hasDefault: false, via: 'process.env', file, line, column: 1, ...extra });
const prov = (name: string, file: string, line: number, extra: Partial<ProvidedVar> = {}): ProvidedVar => ({ name, value: 'v', mechanism: 'env-file', viaSecretStore: false, file, line, column: 1, ...extra });

function ctx(paths: string[] = [], environment = 'production'): CollectContext {
  const files = toSourceFiles(paths.map((path) => ({ path, content: path.endsWith('.tf') ? 'resource "aws_ecs_task_definition" "x" { container_definitions = "[]" }' : 'X=1\n' })));
  return { environment, files, customEnvs: [], registerSecret() {} };
}

async function derive(facts: Record<string, unknown[]>, c = ctx()): Promise<EnvContract> {
  const out = await deriver.derive(facts as never, c);
  assert.equal(out.length, 1);
  return out[0]!;
}

test('env contract: reads grouped by variable, surfaces split by environment, templates named, dev-only and test reads left out', async () => {
  const c = await derive({
    javascript: [
      { file: 'src/app.js', environment: 'shared', envReads: [read('DB_URL', 'src/app.js', 3), read('DB_URL', 'src/app.js', 1), read('LOG', 'src/app.js', 2, { hasDefault: true }), read('DEBUG_KEY', 'src/app.js', 9, { devOnly: true }), read('DEV_CLASS_KEY', 'src/app.js', 12, { environment: 'development' })] },
      { file: 'src/app.test.js', environment: 'shared', envReads: [read('TEST_KEY', 'src/app.test.js', 1)] },
      { file: 'src/dev.js', environment: 'development', envReads: [read('DEV_ONLY', 'src/dev.js', 1)] },
    ],
    dotenv: [
      { file: '.env.production', environment: 'production', provides: [prov('DB_URL', '.env.production', 1)], hasSecretMechanism: false },
      { file: '.env.development', environment: 'development', provides: [prov('LOG', '.env.development', 1)] },
      { file: '.env.example', environment: 'template', template: true, provides: [prov('DB_URL', '.env.example', 1)] },
    ],
    dockerfile: [{ file: 'Dockerfile', environment: 'shared', provides: [prov('NODE_ENV', 'Dockerfile', 2, { mechanism: 'ENV' })], hasSecretMechanism: true }],
  });
  assert.deepEqual(c.surfaces.map((s) => `${s.label} ${s.fact} defining=${s.defining}`), ['.env.production dotenv defining=true', 'Dockerfile dockerfile defining=false']);
  assert.deepEqual(c.templates.map((s) => s.file), ['.env.example']);
  assert.deepEqual(c.otherSurfaces.map((s) => s.file), ['.env.development']);
  assert.deepEqual(c.variables.map((v) => `${v.name} reads=${v.reads.map((r) => r.line).join(',')} required=${v.requiredReads.length} provided=${v.provided.length} documented=${v.documented.length} elsewhere=${v.elsewhere.length}`), [
    'DB_URL reads=1,3 required=2 provided=1 documented=1 elsewhere=0',
    'LOG reads=2 required=0 provided=0 documented=0 elsewhere=1',
  ]);
  assert.deepEqual(c.ignoredReads.map((i) => `${i.read.name} ${i.reason}`), ['DEBUG_KEY dev-only', 'DEV_CLASS_KEY other-environment', 'TEST_KEY test-or-tool']);
  assert.equal(c.target, 'production');
});

test('env contract: a surface file without facts (collector missing or failed) is unread; opaque sources are kept apart', async () => {
  const c = await derive(
    {
      ruby: [{ file: 'app.rb', environment: 'shared', envReads: [read('A', 'app.rb', 1)] }],
      systemd: [{ file: 'deploy/app.service', environment: 'shared', provides: [prov('/etc/app/env', 'deploy/app.service', 2, { mechanism: 'EnvironmentFile=' })], hasSecretMechanism: true }],
      compose: [{ file: 'docker-compose.yml', environment: 'shared', provides: [], services: [{ envFiles: [{ path: './secrets.env', found: false, line: 4, column: 7 }] }] }],
      kubernetes: [{ file: 'k8s/app.yaml', environment: 'shared', provides: [prov('app-config', 'k8s/app.yaml', 9, { mechanism: 'k8s-envFrom' }), prov('DB_PASSWORD', 'k8s/app.yaml', 11, { mechanism: 'k8s-secretKeyRef', viaSecretStore: true, value: undefined })] }],
    },
    ctx(['.env.production', '.env.development', 'infra/ecs.tf', 'deploy/app.service']),
  );
  assert.deepEqual(c.unread, ['.env.production', 'infra/ecs.tf']);
  assert.deepEqual(c.surfaces.map((s) => `${s.label}: ${s.opaque.map((o) => o.name).join(',')} / ${s.provides.map((o) => o.name).join(',')}`), [
    'docker-compose.yml: ./secrets.env / ',
    'Kubernetes manifest (k8s/app.yaml): app-config / DB_PASSWORD',
    'systemd unit (deploy/app.service): /etc/app/env / ',
  ]);
});

test('env contract: ECS task definitions are labelled with their names; build arguments provide only build-time reads', async () => {
  const c = await derive({
    javascript: [{ file: 'web/main.ts', environment: 'shared', envReads: [read('VITE_API', 'web/main.ts', 1, { buildTime: true, via: 'import.meta.env' }), read('API_KEY', 'web/main.ts', 2)] }],
    dockerfile: [{ file: 'Dockerfile', environment: 'shared', provides: [prov('VITE_API', 'Dockerfile', 3, { mechanism: 'ARG' }), prov('API_KEY', 'Dockerfile', 4, { mechanism: 'ARG' })] }],
    terraform: [
      { file: 'infra/ecs.tf', environment: 'shared', provides: [prov('X', 'infra/ecs.tf', 5, { mechanism: 'ecs-environment' })], containers: [{ taskDefinition: 'aws_ecs_task_definition.app' }] },
      { file: 'infra/vpc.tf', environment: 'shared', provides: [] },
    ],
  });
  assert.deepEqual(c.surfaces.map((s) => s.label), ['Dockerfile', 'ECS task definition app (infra/ecs.tf)']);
  assert.deepEqual(c.variables.map((v) => `${v.name}:${v.provided.length}`), ['API_KEY:0', 'VITE_API:1']);
});

test('env contract: platform variables and tool files', () => {
  for (const n of ['PORT', 'HOME', 'AWS_REGION', 'npm_package_version', 'K_SERVICE']) assert.ok(isPlatformVariable(n), n);
  for (const n of ['DATABASE_URL', 'AWS_SECRET_ACCESS_KEY', 'SECRET_KEY_BASE']) assert.ok(!isPlatformVariable(n), n);
  assert.ok(isPlatformVariable('MY_TOOL_X', ['MY_TOOL_*']));
  for (const p of ['vite.config.ts', 'spec/models/user_spec.rb', 'src/a.test.ts', 'db/seeds.rb', 'lib/tasks/x.rake', 'scripts/seed.js', 'jest.config.js']) assert.ok(isTestOrToolFile(p), p);
  for (const p of ['src/app.ts', 'config/environments/production.rb', 'app/models/article.rb', 'config/puma.rb', 'bin/www']) assert.ok(!isTestOrToolFile(p), p);
});

test('env contract: end to end through the engine with the real collectors', async () => {
  const files = toSourceFiles([
    { path: 'app/models/article.rb', content: 'CLIENT = Client.new(endpoint: ENV["SEARCH_ENDPOINT"], key: ENV.fetch("SEARCH_KEY", nil))\n' },
    { path: 'server.js', content: 'const url = process.env.DATABASE_URL;\n' },
    { path: '.env.production', content: 'DATABASE_URL=postgres://db/app\n' },
  ]);
  const { facts, errors } = await collectFacts(files, new Set(['envContract']), { environment: 'production' });
  assert.deepEqual(errors.filter((e) => /ruby|javascript|dotenv|envContract/.test(e.message)), []);
  const c = (facts as unknown as { envContract: EnvContract[] }).envContract[0]!;
  assert.deepEqual(c.variables.map((v) => `${v.name} required=${v.requiredReads.length} provided=${v.provided.map((p) => p.file).join(',')}`), [
    'DATABASE_URL required=1 provided=.env.production',
    'SEARCH_ENDPOINT required=1 provided=',
    'SEARCH_KEY required=0 provided=',
  ]);
});

test('env contract: one contract per project — a sample\'s compose file never provides another sample\'s variables', async () => {
  const files = toSourceFiles([
    { path: 'one/compose.yaml', content: 'services:\n  api:\n    build: backend\n    environment:\n      MONGODB_URI: mongodb://mongo/app\n' },
    { path: 'one/backend/Dockerfile', content: 'FROM node:20\nCMD ["node", "server.js"]\n' },
    { path: 'one/backend/server.js', content: 'const uri = process.env.MONGODB_URI;\n' },
    { path: 'two/compose.yaml', content: 'services:\n  web:\n    build: .\n' },
    { path: 'two/Dockerfile', content: 'FROM node:20\nCMD ["node", "index.js"]\n' },
    { path: 'two/index.js', content: 'const uri = process.env.MONGODB_URI;\n' },
  ]);
  const { facts } = await collectFacts(files, new Set(['envContract']), { environment: 'production' });
  const contracts = (facts as unknown as { envContract: EnvContract[] }).envContract;
  assert.deepEqual(contracts.map((c) => `${c.project}: ${c.variables.map((v) => `${v.name} provided=${v.provided.map((p) => p.file).join(',')}`).join(' ')}`), [
    'one: MONGODB_URI provided=one/compose.yaml',
    'two: MONGODB_URI provided=',
  ]);
});
