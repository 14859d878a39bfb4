import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { memoryView } from '../../collect/env/fs.js';
import { buildInitYaml, checkGenerated, inferVariables } from './init.js';

const view = memoryView({
  '.env.example': '# Session signing key\nSECRET_KEY=an-example-secret-value-123\nDEBUG=false\nWORKERS=4\nPUBLIC_URL=https://app.example.com\n# Sender address\nMAIL_FROM=noreply@example.com\n',
  '.env.production': 'SECRET_KEY=real-Production-Secret-9x8y7z6w5v4u\nDB_PASSWORD=real-db-Password-1q2w3e\nWORKER_CONFIRM_PHRASE=RUN_WORKER\n',
});

const reads = [
  { name: 'SECRET_KEY', hasDefault: false, file: 'app.py', line: 3 },
  { name: 'API_TOKEN', hasDefault: true, file: 'app.py', line: 4 },
  { name: 'REDIS_HOST', hasDefault: true, file: 'app.py', line: 5 },
  { name: 'HOME', hasDefault: false, file: 'app.py', line: 6 },
];

test('env init: infers required / secret / type / descriptions / production expectations, never values', async () => {
  const inferred = inferVariables({ view, config: {}, reads, platform: (n) => n === 'HOME' });
  const by = Object.fromEntries(inferred.map((v) => [v.key, v.spec]));
  assert.deepEqual(Object.keys(by), ['API_TOKEN', 'DB_PASSWORD', 'DEBUG', 'MAIL_FROM', 'PUBLIC_URL', 'REDIS_HOST', 'SECRET_KEY', 'WORKERS', 'WORKER_CONFIRM_PHRASE']);
  assert.deepEqual(by.SECRET_KEY, { required: true, description: 'Session signing key', secret: true, minLength: 32 });
  assert.deepEqual(by.API_TOKEN, { secret: true, environments: { production: { required: true } } }, 'a secret read with a fallback is required in production');
  assert.equal(by.REDIS_HOST!.required, undefined);
  assert.deepEqual(by.DEBUG!.environments, { production: { equals: false } });
  assert.equal(by.DEBUG!.type, 'boolean');
  assert.equal(by.WORKERS!.type, 'integer');
  assert.equal(by.PUBLIC_URL!.type, 'url');
  assert.equal(by.MAIL_FROM!.description, 'Sender address');
  assert.deepEqual(by.WORKER_CONFIRM_PHRASE!.environments, { production: { forbid: ['RUN_WORKER'] } });
  assert.equal(by.DB_PASSWORD!.secret, true);
  assert.equal(by.DB_PASSWORD!.type, undefined, 'no type is guessed from a secret');

  const { text, added } = await buildInitYaml(inferred, undefined, { stdoutOnly: true, now: new Date('2026-01-01T00:00:00Z'), sources: ['code reads (4)'] });
  assert.equal(added.length, 9);
  assert.deepEqual(await checkGenerated(text), [], 'the proposal is a valid honban.yml');
  for (const v of ['an-example-secret-value-123', 'real-Production-Secret', 'real-db-Password', 'app.example.com', 'noreply@example.com']) assert.ok(!text.includes(v), `${v} is not written`);
});

test('env init: merges into an existing honban.yml, keeping its declarations and comments', async () => {
  const existing = '# our settings\nfailOn: medium\nvariables:\n  SECRET_KEY:\n    required: true # keep me\n    secret: true\n    minLength: 64\n';
  const inferred = inferVariables({ view, config: parse(existing), reads: [] });
  const { text, added, kept } = await buildInitYaml(inferred, existing, { stdoutOnly: false, now: new Date(), sources: [] });
  assert.deepEqual(kept, ['SECRET_KEY']);
  assert.ok(added.includes('DEBUG'));
  assert.match(text, /^# our settings\nfailOn: medium\n/);
  assert.match(text, /required: true # keep me\n\s+secret: true\n\s+minLength: 64/);
  const cfg = parse(text);
  assert.equal(cfg.variables.SECRET_KEY.minLength, 64);
  assert.equal(cfg.variables.DEBUG.type, 'boolean');
  assert.deepEqual(await checkGenerated(text), []);
});

test('env init: a config without variables gets the section appended', async () => {
  const { text } = await buildInitYaml(inferVariables({ view, config: {}, reads: [] }), 'failOn: high\n', { stdoutOnly: false, now: new Date('2026-01-01T00:00:00Z'), sources: ['templates'] });
  assert.match(text, /^failOn: high\n/);
  assert.match(text, /# Variables proposed by honban env init on 2026-01-01/);
  assert.deepEqual(await checkGenerated(text), []);
});
