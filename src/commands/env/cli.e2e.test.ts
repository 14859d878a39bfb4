/**
 * honban env / env init / env snapshot / env drift / diff through the real CLI, on fixture
 * repositories with layered env dirs, a Docker secrets dir and a process environment.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { copyFixture, FIXTURES, honban } from '../../testing/env-e2e.js';

const JWT = 'prod-jwt-3e5a7c9b1d2f4a6c8e0b2d4f6a8c1e3b';
let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = copyFixture('layered'));
});
after(() => cleanup());

interface JsonReport {
  command: string;
  environment: string;
  findings: { ruleId: string; severity: string; file: string; line?: number; key?: string; message: string; status: string }[];
  summary: Record<string, number>;
  exitCode: number;
  errors: unknown[];
  extra: { sources: string[]; generatedAt: string; resolution?: { key: string; file: string; value?: string; length?: number; shadowed: { file: string }[] }[] };
}

test('honban env: without the deployment\'s secrets, production fails on every reference left open (exit 1)', async () => {
  const r = await honban(['env', dir, '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const rep = JSON.parse(r.stdout) as JsonReport;
  assert.equal(rep.command, 'env');
  assert.equal(rep.environment, 'production');
  assert.deepEqual(rep.extra.sources, ['.env', 'env/production/app.env', 'env/production/common.env', 'env/production/security.env']);
  const got = rep.findings.map((f) => `${f.ruleId} ${f.key} ${f.file}:${f.line ?? '-'}`);
  const expected = [
    'env/unresolved-reference DATABASE_URL env/production/app.env:1',
    'env/unresolved-reference SECRET_KEY env/production/security.env:2',
    'env/unresolved-reference JWT_SECRET env/production/security.env:3',
  ];
  if (!existsSync('/run/secrets/db_password')) expected.push('env/unreadable-secret-file DB_PASSWORD env/production/security.env:4');
  assert.deepEqual(got.sort(), expected.sort());
  assert.ok(rep.findings.every((f) => f.status === 'open' && f.key));
});

test('honban env: with --secrets-dir and --process-env the layered production environment passes (exit 0)', async () => {
  const r = await honban(['env', dir, '--env', 'production', '--secrets-dir', path.join(dir, 'secrets'), '--process-env'], { env: { JWT_SECRET: JWT } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /No open findings · .*environment: production/);
  assert.equal(r.stderr, '');
});

test('honban env --explain: which source won and what it shadowed, secrets by length only', async () => {
  const r = await honban(['env', dir, '--env', 'live', '--secrets-dir', path.join(dir, 'secrets'), '--process-env', '--explain'], { env: { JWT_SECRET: JWT } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /Resolution of production \(sources, lowest precedence first: \.env → env\/production\/app\.env → env\/production\/common\.env → env\/production\/security\.env → secrets\/ → process\.env\)/);
  assert.match(r.stdout, /DEBUG +env\/production\/common\.env:3 +"False"\n +shadows \.env:2 "True"/);
  assert.match(r.stdout, /SECRET_KEY +secrets\/secret_key +\[secret, 45 chars\]\n +shadows env\/production\/security\.env:2\n/);
  assert.match(r.stdout, /DB_PASSWORD +secrets\/db_password +\[secret, 28 chars\] +\(via DB_PASSWORD_FILE\)/);
  assert.match(r.stdout, /JWT_SECRET +process\.env +\[secret, 41 chars\]/);
  assert.match(r.stdout, /DATABASE_URL +env\/production\/app\.env:1 +"postgresql:\/\/app:\*\*\*\*@db\.internal:5432\/app"/);
  assert.ok(!r.stdout.includes(JWT) && !r.stdout.includes('prod-8c2e4a6f') && !r.stdout.includes('Pg-prod-5f7b'));
  const j = await honban(['env', dir, '--secrets-dir', path.join(dir, 'secrets'), '--process-env', '--explain', '-f', 'json'], { env: { JWT_SECRET: JWT } });
  const rep = JSON.parse(j.stdout) as JsonReport;
  const sk = rep.extra.resolution!.find((x) => x.key === 'SECRET_KEY')!;
  assert.equal(sk.file, 'secrets/secret_key');
  assert.equal(sk.value, undefined);
  assert.equal(sk.length, 45);
});

test('honban env: the process environment wins over files and secrets (precedence end to end)', async () => {
  const r = await honban(['env', dir, '--secrets-dir', path.join(dir, 'secrets'), '--process-env', '-f', 'json', '--fail-on', 'critical'], {
    env: { JWT_SECRET: JWT, DEBUG: 'true', SECRET_KEY: 'changeme' },
  });
  const rep = JSON.parse(r.stdout) as JsonReport;
  const got = rep.findings.map((f) => `${f.ruleId} ${f.key} ${f.file}`).sort();
  assert.deepEqual(got, ['env/invalid-value DEBUG process.env', 'env/invalid-value SECRET_KEY process.env', 'env/weak-secret SECRET_KEY process.env']);
  assert.equal(r.code, 0, '--fail-on critical: high findings do not fail');
});

test('honban env --env staging / development: each environment gets its own layers', async () => {
  const stg = await honban(['env', dir, '--env', 'staging', '-f', 'json']);
  assert.equal(stg.code, 0, stg.stdout);
  assert.deepEqual((JSON.parse(stg.stdout) as JsonReport).extra.sources, ['.env', 'env/staging/common.env', 'env/staging/security.env']);
  const dev = await honban(['env', dir, '--env', 'dev']);
  assert.equal(dev.code, 0, dev.stdout);
  assert.match(dev.stdout, /environment: development/);
});

test('honban env: sarif, junit and markdown formats', async () => {
  const args = ['env', dir, '--env', 'production'];
  const sarif = await honban([...args, '-f', 'sarif']);
  assert.equal(sarif.code, 1);
  const log = JSON.parse(sarif.stdout);
  assert.equal(log.version, '2.1.0');
  assert.ok(log.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'env/unresolved-reference'));
  const junit = await honban([...args, '-f', 'junit']);
  assert.match(junit.stdout, /<testsuites[\s\S]*env\/unresolved-reference/);
  const md = await honban([...args, '-f', 'markdown', '--lang', 'ja']);
  assert.match(md.stdout, /### honban レポート — `env` \(環境: `production`\)/);
  assert.match(md.stdout, /`env\/production\/security\.env:2`/);
});

test('honban env: an env file readable by others is reported (S1.8)', async () => {
  const f = path.join(dir, 'env', 'production', 'security.env');
  chmodSync(f, 0o644);
  try {
    const r = await honban(['env', dir, '--secrets-dir', path.join(dir, 'secrets'), '--process-env', '-f', 'json'], { env: { JWT_SECRET: JWT } });
    const rep = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(rep.findings.map((f) => `${f.ruleId} ${f.file} ${f.severity}`), ['env/world-readable-file env/production/security.env low']);
  } finally {
    chmodSync(f, 0o600);
  }
});

test('honban env: usage errors and a bad honban.yml exit 2 with one clear message (every config problem listed)', async () => {
  const bad = path.join(dir, 'bad.yml');
  writeFileSync(bad, 'variables:\n  A: { type: text }\n  B: { minLength: -1, unknown: 1 }\n  C: { pattern: "(" }\nrules:\n  env/no-such-rule: off\n');
  const r = await honban(['env', dir, '--config', bad]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /invalid config .*bad\.yml: \d+ problem/);
  for (const p of ['variables.A.type', 'variables.B.minLength', 'variables.B: unknown key "unknown"', 'variables.C.pattern', 'rules.env/no-such-rule']) assert.ok(r.stderr.includes(p), `${p} listed in: ${r.stderr}`);
  assert.equal(r.stdout, '');
  for (const args of [['env', path.join(dir, 'nope')], ['env', dir, '--secrets-dir', path.join(dir, 'nope')], ['env', dir, '--bogus'], ['env', dir, '--format', 'xml'], ['env', 'init', dir, '--explain'], ['diff', dir, '--from', 'production'], ['env', path.join(dir, 'infra')]]) {
    const x = await honban(args);
    assert.equal(x.code, 2, `${args.join(' ')}: ${x.stdout}${x.stderr}`);
    assert.match(x.stderr, /^honban: error: /);
    assert.equal(x.stderr.trim().split('\n').length, 1, x.stderr);
  }
  const help = await honban(['env', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: honban env \[DIR\]/);
});

test('honban diff: production vs staging, pretty / json / markdown, env files and tfvars', async () => {
  const j = await honban(['diff', dir, '--from', 'production', '--to', 'staging', '-f', 'json']);
  assert.equal(j.code, 0, j.stderr);
  const d = JSON.parse(j.stdout);
  assert.equal(d.schemaVersion, 1);
  assert.equal(d.from, 'production');
  assert.equal(d.to, 'staging');
  const row = (k: string) => d.rows.find((r: { key: string }) => r.key === k);
  assert.deepEqual(row('LOG_LEVEL'), { key: 'LOG_LEVEL', status: 'changed', secret: false, from: { source: 'env/production/common.env', line: 4, value: 'WARNING' }, to: { source: 'env/staging/common.env', line: 3, value: 'INFO' } });
  assert.deepEqual(row('SECRET_KEY'), { key: 'SECRET_KEY', status: 'changed', secret: true, from: { source: 'env/production/security.env', line: 2 }, to: { source: 'env/staging/security.env', line: 1 } });
  assert.equal(row('WORKER_CONFIRM_PHRASE').status, 'changed');
  assert.equal(row('DB_PASSWORD_FILE').status, 'only-from');
  assert.equal(row('DEBUG').status, 'same');
  assert.deepEqual(d.tfvars.files, { from: ['infra/terraform.tfvars', 'infra/production.tfvars'], to: ['infra/terraform.tfvars', 'infra/staging.tfvars'] });
  const tf = (k: string) => d.tfvars.rows.find((r: { key: string }) => r.key === k);
  assert.equal(tf('instance_class').status, 'changed');
  assert.equal(tf('engine_version').status, 'same');
  assert.equal(tf('waf_rate_limit').status, 'only-to');
  assert.deepEqual(tf('db_password'), { key: 'db_password', status: 'changed', secret: true, from: { source: 'infra/production.tfvars', line: 5 }, to: { source: 'infra/staging.tfvars', line: 5 } });
  const p = await honban(['diff', dir, '--from', 'prod', '--to', 'stg']);
  assert.match(p.stdout, /Variables: production → staging/);
  assert.match(p.stdout, /~ LOG_LEVEL +WARNING \(env\/production\/common\.env:4\)  →  INFO \(env\/staging\/common\.env:3\)/);
  assert.match(p.stdout, /~ SECRET_KEY +secret, values differ/);
  assert.match(p.stdout, /Terraform variables \(\*\.tfvars\): production → staging/);
  const m = await honban(['diff', dir, '--from', 'production', '--to', 'staging', '-f', 'markdown', '--changed-only']);
  assert.match(m.stdout, /\| `SECRET_KEY` \| ⚠️ changed \| 🔒 secret `env\/production\/security\.env:2` \| 🔒 secret `env\/staging\/security\.env:1` \|/);
  assert.doesNotMatch(m.stdout, /\| `DEBUG` \|/);
  const e = await honban(['diff', dir, '--from', 'production', '--to', 'staging', '--exit-code', '-q']);
  assert.equal(e.code, 1);
  for (const out of [j.stdout, p.stdout, m.stdout]) for (const s of ['Prod-Tf-Password', 'Stg-Tf-Password', 'stg-4b8e2d6f', 'stg-jwt-9d1f']) assert.ok(!out.includes(s), s);
});

test('honban diff: two Terraform roots through the CLI (resources attribute by attribute, --exit-code, a bad side)', async () => {
  const tfDir = path.join(FIXTURES, '..', 'terraform');
  const j = await honban(['diff', tfDir, '--from', 'rails-on-aws', '--to', './rails-on-aws-hardened/', '-f', 'json', '--exit-code']);
  assert.equal(j.code, 1, j.stderr);
  const d = JSON.parse(j.stdout);
  assert.equal(d.mode, 'terraform');
  assert.deepEqual([d.from, d.to], ['rails-on-aws', 'rails-on-aws-hardened']);
  const row = (k: string) => d.resources.rows.find((r: { key: string }) => r.key === k);
  assert.deepEqual(row('aws_db_instance.postgres instance_class'), {
    key: 'aws_db_instance.postgres instance_class',
    status: 'changed',
    secret: false,
    from: { source: 'rails-on-aws/rds.tf', line: 10, value: 'db.t3.micro' },
    to: { source: 'rails-on-aws-hardened/rds.tf', line: 10, value: 'db.t3.xlarge' },
  });
  assert.equal(row('aws_db_instance.postgres storage_encrypted').to.value, 'true');
  assert.equal(row('aws_db_instance.postgres engine').status, 'same');
  const p = await honban(['diff', tfDir, '--from', 'rails-on-aws', '--to', 'rails-on-aws-hardened', '--changed-only']);
  assert.equal(p.code, 0, p.stderr);
  assert.match(p.stdout, /^Terraform resources: rails-on-aws → rails-on-aws-hardened/);
  assert.match(p.stdout, /~ aws_db_instance\.postgres multi_az +false \(not set: default\) \(rails-on-aws\/rds\.tf:6\) {2}→ {2}true \(rails-on-aws-hardened\/rds\.tf:18\)/);
  const same = await honban(['diff', tfDir, '--from', 'rails-on-aws', '--to', 'rails-on-aws/']);
  assert.equal(same.code, 2);
  assert.match(same.stderr, /name the same Terraform root/);
  // Paths outside DIR, absolute paths and control characters are not sides: environment-name errors.
  for (const bad of ['../terraform/rails-on-aws', '/etc', 'rails-on-aws\u001b[2J', 'no-such-dir/']) {
    const r = await honban(['diff', tfDir, '--from', bad, '--to', 'rails-on-aws']);
    assert.equal(r.code, 2, bad);
    assert.match(r.stderr, /--from must be an environment name/, bad);
  }
});

test('honban env snapshot / drift: round trip through the CLI', async () => {
  const sd = ['--secrets-dir', path.join(dir, 'secrets')];
  const s1 = await honban(['env', 'snapshot', dir, ...sd]);
  assert.equal(s1.code, 0, s1.stderr);
  assert.match(s1.stdout, /Snapshot of production taken at .*: 14 variables fingerprinted \(1 snapshot of production kept, at most 20\)/);
  assert.equal(readFileSync(path.join(dir, '.honban', '.gitignore'), 'utf8').trim().split('\n').pop(), '*');
  const d0 = await honban(['env', 'drift', dir, ...sd]);
  assert.equal(d0.code, 0, d0.stdout);
  assert.match(d0.stdout, /No drift/);

  appendFileSync(path.join(dir, 'env', 'production', 'common.env'), 'NEW_FLAG=1\n');
  writeFileSync(path.join(dir, 'env', 'production', 'app.env'), readFileSync(path.join(dir, 'env', 'production', 'app.env'), 'utf8').replace(/^RATELIMIT_STORAGE_URI=.*\n/m, ''));
  writeFileSync(path.join(dir, 'secrets', 'secret_key'), 'rotated-9b1d3f5a7c2e4a6c8e0b2d4f6a8c1e3b5d7f\n');
  const d1 = await honban(['env', 'drift', dir, ...sd, '-f', 'json']);
  assert.equal(d1.code, 1);
  const drift = JSON.parse(d1.stdout);
  assert.deepEqual(drift.added.map((e: { key: string }) => e.key), ['NEW_FLAG']);
  assert.deepEqual(drift.removed.map((e: { key: string }) => e.key), ['RATELIMIT_STORAGE_URI']);
  assert.deepEqual(drift.changed, [{ key: 'SECRET_KEY', secret: true, source: 'secrets/secret_key', previousSource: 'secrets/secret_key' }]);
  const md = await honban(['env', 'drift', dir, ...sd, '-f', 'markdown', '--update']);
  assert.equal(md.code, 1);
  assert.match(md.stdout, /\| `SECRET_KEY` 🔒 \| ⚠️ changed \| `secrets\/secret_key` \|/);
  const d2 = await honban(['env', 'drift', dir, ...sd]);
  assert.equal(d2.code, 0, '--update recorded a new snapshot');
  const list = await honban(['env', 'snapshot', dir, '--list']);
  assert.equal(list.stdout.trim().split('\n').length, 4, list.stdout);
  for (const out of [s1.stdout, d1.stdout, md.stdout, readFileSync(path.join(dir, '.honban', 'env-snapshots.json'), 'utf8')]) {
    assert.ok(!out.includes('rotated-9b1d') && !out.includes('prod-8c2e4a6f') && !out.includes('Pg-prod-5f7b'));
  }
  const none = await honban(['env', 'drift', dir, '--env', 'staging']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no snapshot of staging yet/);
});

test('honban env init: proposes variables from code reads, templates and the catalog; writes honban.yml', async () => {
  const { dir: d2, cleanup: c2 } = copyFixture('layered');
  try {
    const out = await honban(['env', 'init', d2, '--stdout']);
    assert.equal(out.code, 0, out.stderr);
    const vars = parse(out.stdout).variables;
    assert.deepEqual(vars.SMTP_HOST, { required: true }, 'read without a default in app.py');
    assert.equal(vars.SECRET_KEY.secret, true);
    assert.equal(vars.SECRET_KEY.description, 'Flask session signing key (long, random)');
    assert.deepEqual(vars.DEBUG.environments, { production: { equals: false } });
    for (const s of ['prod-8c2e4a6f', 'stg-4b8e2d6f', 'dev-secret-key', 'Pg-prod-5f7b']) assert.ok(!out.stdout.includes(s), s);

    const w = await honban(['env', 'init', d2]);
    assert.equal(w.code, 0, w.stderr);
    assert.match(w.stdout, /honban\.yml: added \d+ variables \(9 already declared, kept as they are\): .*SMTP_HOST/);
    const written = readFileSync(path.join(d2, 'honban.yml'), 'utf8');
    assert.match(written, /^# honban\.yml of the layered fixture/);
    assert.equal(parse(written).variables.SECRET_KEY.environments.production.minLength, 32, 'existing declarations kept');
    const check = await honban(['env', d2, '-f', 'json']);
    assert.ok([0, 1].includes(check.code), 'the written honban.yml is valid');
    assert.ok((JSON.parse(check.stdout) as JsonReport).findings.some((f) => f.key === 'SMTP_HOST' && f.ruleId === 'env/missing-required'));
  } finally {
    c2();
  }
});

test('honban env without a schema: the catalog judges seed 001\'s MKS_* production settings', async () => {
  const { dir: d3, cleanup: c3 } = copyFixture('seed001');
  try {
    const r = await honban(['env', d3, '-f', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const rep = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(rep.findings.map((f) => `${f.ruleId} ${f.key} ${f.file}:${f.line}`), [
      'env/weak-secret MKS_JWT_SECRET_KEY .env.production:4',
      'env/insecure-cors-origin MKS_CORS_ORIGINS .env.production:5',
      // One finding for a protection switched off: env/dangerous-switch (scan runs it too) and env/security-switch-off are duplicates.
      'env/dangerous-switch MKS_FORCE_HTTPS .env.production:6',
      'env/invalid-value MKS_GUNICORN_WORKERS .env.production:8',
      'env/weak-secret MKS_DATABASE_URL .env.production:10',
      // A secret left as a placeholder is env/placeholder-value.
      'env/placeholder-value OPENAI_API_KEY .env.production:11',
      'env/missing-template-variable MKS_SMTP_HOST .env.production.example:6',
    ]);
    assert.ok(!JSON.stringify(rep.findings).includes('secure_password'), 'the weak password is named, never shown');
  } finally {
    c3();
  }
});
