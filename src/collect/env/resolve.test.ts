import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryView, type MemoryFile } from './fs.js';
import { resolveEnvironment, secretFileKey } from './resolve.js';

/** The sources of one environment, lowest precedence first, and how each defines API_TOKEN. */
const SOURCES = [
  { name: '.env', file: '.env', add: (f: Files) => append(f, '.env', 'API_TOKEN=from-dotenv') },
  { name: '.env.production', file: '.env.production', add: (f: Files) => append(f, '.env.production', 'API_TOKEN=from-env-production') },
  { name: 'env/production/a.env', file: 'env/production/a.env', add: (f: Files) => append(f, 'env/production/a.env', 'API_TOKEN=from-env-dir') },
  { name: 'secrets dir', file: '/run/secrets/api_token', add: (f: Files) => (f['/run/secrets/api_token'] = 'from-secrets-dir\n') },
  {
    name: 'API_TOKEN_FILE pointer',
    file: 'pointed/token.txt',
    add: (f: Files) => {
      append(f, '.env', 'API_TOKEN_FILE=./pointed/token.txt');
      f['pointed/token.txt'] = 'from-pointer\n';
    },
  },
  { name: 'process env', file: 'process.env', add: () => undefined },
] as const;

type Files = Record<string, string | MemoryFile>;
function append(f: Files, p: string, line: string) {
  f[p] = ((f[p] as string | undefined) ?? '') + line + '\n';
}

const VALUES = ['from-dotenv', 'from-env-production', 'from-env-dir', 'from-secrets-dir', 'from-pointer', 'from-process-env'];

test('precedence table: for every combination of sources, the highest one wins and shadows the rest', () => {
  let cases = 0;
  for (let mask = 1; mask < 1 << SOURCES.length; mask++) {
    const files: Files = { 'unrelated.txt': 'x', '/run/secrets/.keep': '' };
    const used = SOURCES.map((_, i) => (mask >> i) & 1).map(Boolean);
    used.forEach((u, i) => u && SOURCES[i]!.add(files));
    const processEnv = used[5] ? { API_TOKEN: 'from-process-env' } : undefined;
    const config = { variables: { API_TOKEN: { secret: true } } };
    const res = resolveEnvironment({ view: memoryView(files), environment: 'production', config, processEnv, secretsDir: '/run/secrets', compareOthers: false });
    const winner = used.lastIndexOf(true);
    const v = res.vars.get('API_TOKEN');
    assert.ok(v, `mask ${mask}: API_TOKEN resolved`);
    const label = SOURCES.filter((_, i) => used[i]).map((s) => s.name).join(' + ');
    assert.equal(v.value, VALUES[winner], `${label}: ${SOURCES[winner]!.name} wins`);
    assert.equal(v.file, SOURCES[winner]!.file, `${label}: location of the winner`);
    assert.deepEqual(
      v.shadowed.map((d) => d.raw),
      VALUES.filter((_, i) => used[i] && i !== winner),
      `${label}: shadowed in precedence order`,
    );
    assert.equal(v.secret, true);
    cases++;
  }
  assert.equal(cases, 63);
});

test('resolution: interpolation sees the final environment, a self reference sees the layer below', () => {
  const res = resolveEnvironment({
    view: memoryView({
      '.env': 'HOST=localhost\nSECRET_KEY=base-secret-from-shared-file\nPATH_LIST=/usr/bin\n',
      '.env.production': 'HOST=db.internal\nSECRET_KEY=${SECRET_KEY}\nDATABASE_URL=postgresql://app:${DB_PASSWORD}@${HOST}/app\nPATH_LIST=${PATH_LIST}:/opt/bin\n',
    }),
    environment: 'production',
    config: {},
    processEnv: { DB_PASSWORD: 'pw-from-process', UNRELATED_SHELL_VAR: 'x', PATH: '/bin' },
    compareOthers: false,
  });
  assert.equal(res.vars.get('DATABASE_URL')!.value, 'postgresql://app:pw-from-process@db.internal/app');
  assert.equal(res.vars.get('SECRET_KEY')!.value, 'base-secret-from-shared-file');
  assert.deepEqual(res.vars.get('SECRET_KEY')!.unresolved, []);
  assert.equal(res.vars.get('PATH_LIST')!.value, '/usr/bin:/opt/bin');
  assert.equal(res.vars.has('UNRELATED_SHELL_VAR'), false, 'unrelated process variables are not pulled in');
  assert.equal(res.vars.has('PATH'), false);
  assert.equal(res.vars.get('DB_PASSWORD')!.file, 'process.env', 'a referenced process variable is part of the environment');
  assert.ok(res.secrets.has('pw-from-process'));
  assert.ok(res.secrets.has('base-secret-from-shared-file'));
  assert.ok(!res.secrets.has('${SECRET_KEY}'), 'a bare reference is not a secret value');
});

test('resolution: process variables the schema, a template or the catalog knows are included', () => {
  const res = resolveEnvironment({
    view: memoryView({ '.env.example': 'SMTP_HOST=\n' }),
    environment: 'production',
    config: { variables: { MKS_SECRET_KEY: { required: true } } },
    processEnv: { MKS_SECRET_KEY: 'a', DATABASE_URL: 'postgresql://db/app', RUNNER_DEBUG: '1', HOME: '/root', SMTP_HOST: 'mail', GITHUB_TOKEN: 'ci', ENV: '/etc/profile' },
    compareOthers: false,
  });
  assert.deepEqual([...res.vars.keys()].sort(), ['DATABASE_URL', 'MKS_SECRET_KEY', 'SMTP_HOST']);
  assert.deepEqual(res.sources, ['process.env']);
});

test('resolution: parse problems are errors with positions; a configured missing file is an error', () => {
  const res = resolveEnvironment({
    view: memoryView({ '.env.production': 'GOOD=1\nthis is not an assignment\n' }),
    environment: 'production',
    config: { environments: { production: { files: ['.env.production', 'missing.env'] } } },
    compareOthers: false,
  });
  assert.equal(res.errors.length, 2);
  assert.equal(res.errors[0]!.kind, 'parse');
  assert.equal(res.errors[0]!.line, 2);
  assert.match(res.errors[1]!.message, /missing\.env .* does not exist/);
  assert.equal(res.vars.get('GOOD')!.value, '1');
});

test('resolution: Docker secret file names become variable names', () => {
  assert.equal(secretFileKey('db_password'), 'DB_PASSWORD');
  assert.equal(secretFileKey('openai-api-key.txt'), 'OPENAI_API_KEY');
});

test('resolution: a missing --secrets-dir is a usage error', () => {
  assert.throws(() => resolveEnvironment({ view: memoryView({}), environment: 'production', config: {}, secretsDir: '/nope', compareOthers: false }), /cannot read --secrets-dir/);
});
