import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffEnvironments, formatDiffMarkdown, formatDiffPretty, hasDifferences } from './diff.js';
import { memoryView } from '../../collect/env/fs.js';

const PROD_KEY = 'p8Kq2Vx7Lm4Zr9Tn1Wy6Hb3Jd5Fs0Gc8';
const files = {
  '.env': 'LOG_LEVEL=INFO\nSHARED_TOKEN=s9Dk2Lp7Qw4Er1Ty6Ui3Op8As5Df0Gh2\n',
  '.env.production': `SECRET_KEY=${PROD_KEY}\nDATABASE_URL=postgresql://app:pr0d-pw-91x@db.prod/app\nWORKERS=8\nPROD_ONLY=1\n`,
  '.env.staging': 'SECRET_KEY=s7Jh3Gf9Dk1Ls5Pa2Qw8Ze4Xc6Vb0Nm7\nDATABASE_URL=postgresql://app:stg-pw-33y@db.stg/app\nWORKERS=2\nSTAGING_ONLY=yes\n',
  'infra/terraform.tfvars': 'aws_region = "ap-northeast-1"\n',
  'infra/production.tfvars': 'instance_class = "db.t3.xlarge"\nmulti_az = false\ndb_password = "tf-prod-pw-7788"\ntags = { team = "web", env = "prod" }\n',
  'infra/staging.tfvars': 'instance_class = "db.t3.micro"\nmulti_az = false\ndb_password = "tf-stg-pw-1122"\ntags = { team = "web", env = "stg" }\nwaf_limit = 2000\n',
};

test('diff: one row per key with same / changed / only-from / only-to; secrets without values', async () => {
  const { result } = await diffEnvironments({ view: memoryView(files), from: 'production', to: 'staging', config: {} });
  const rows = Object.fromEntries(result.rows.map((r) => [r.key, r]));
  assert.deepEqual(result.rows.map((r) => `${r.key}:${r.status}`), [
    'DATABASE_URL:changed',
    'LOG_LEVEL:same',
    'PROD_ONLY:only-from',
    'SECRET_KEY:changed',
    'SHARED_TOKEN:same',
    'STAGING_ONLY:only-to',
    'WORKERS:changed',
  ]);
  assert.deepEqual(rows.WORKERS, { key: 'WORKERS', status: 'changed', secret: false, from: { source: '.env.production', line: 3, value: '8' }, to: { source: '.env.staging', line: 3, value: '2' } });
  assert.deepEqual(rows.SECRET_KEY, { key: 'SECRET_KEY', status: 'changed', secret: true, from: { source: '.env.production', line: 1 }, to: { source: '.env.staging', line: 1 } });
  assert.equal(rows.SHARED_TOKEN!.secret, true);
  assert.equal(rows.SHARED_TOKEN!.from!.value, undefined);
  assert.equal(rows.DATABASE_URL!.from!.value, 'postgresql://app:****@db.prod/app', 'URL passwords are masked');
  assert.equal(rows.PROD_ONLY!.to, undefined);
  assert.deepEqual(result.summary, { same: 2, changed: 3, onlyFrom: 1, onlyTo: 1 });
  assert.ok(hasDifferences(result));
  const all = JSON.stringify(result) + formatDiffPretty(result, 'en') + formatDiffMarkdown(result, 'ja');
  for (const s of [PROD_KEY, 'pr0d-pw-91x', 'stg-pw-33y', 'tf-prod-pw-7788', 'tf-stg-pw-1122', 's9Dk2Lp7']) assert.ok(!all.includes(s), `${s} never shown`);
});

test('diff: *.tfvars of the two environments are compared too (shared terraform.tfvars on both sides)', async () => {
  const { result } = await diffEnvironments({ view: memoryView(files), from: 'production', to: 'staging', config: {} });
  assert.ok(result.tfvars);
  assert.deepEqual(result.tfvars.files, { from: ['infra/terraform.tfvars', 'infra/production.tfvars'], to: ['infra/terraform.tfvars', 'infra/staging.tfvars'] });
  assert.deepEqual(result.tfvars.rows.map((r) => `${r.key}:${r.status}`), ['aws_region:same', 'db_password:changed', 'instance_class:changed', 'multi_az:same', 'tags:changed', 'waf_limit:only-to']);
  const ic = result.tfvars.rows.find((r) => r.key === 'instance_class')!;
  assert.deepEqual(ic.from, { source: 'infra/production.tfvars', line: 1, value: 'db.t3.xlarge' });
  const pw = result.tfvars.rows.find((r) => r.key === 'db_password')!;
  assert.equal(pw.secret, true);
  assert.equal(pw.from!.value, undefined);
  assert.match(result.tfvars.rows.find((r) => r.key === 'tags')!.from!.value!, /team = "web", env = "prod"/);
});

test('diff: identical environments have no differences; --changed-only hides same rows', async () => {
  const { result } = await diffEnvironments({ view: memoryView({ '.env': 'A=1\n', '.env.production': 'B=2\n', '.env.staging': 'B=2\n' }), from: 'production', to: 'staging', config: {} });
  assert.ok(!hasDifferences(result));
  assert.equal(result.tfvars, undefined);
  const text = formatDiffPretty(result, 'en', { all: false });
  assert.match(text, /2 identical rows not shown/);
  assert.doesNotMatch(text, /^\s+= A/m);
});
