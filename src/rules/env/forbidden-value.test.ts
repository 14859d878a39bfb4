import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './forbidden-value.js';

const schema = text(
  'variables:',
  '  WORKER_CONFIRM_PHRASE:',
  '    environments:',
  '      production: { forbid: [RUN_WORKER] }',
  '  MAX_UPLOAD: { forbid: [0] }',
  '  ADMIN_PASSWORD: { secret: true, forbid: [admin] }',
);

test('env/forbidden-value: forbidden values (strings in any case, numbers numerically) are reported', async () => {
  const found = await expectEnvLines(
    rule,
    { '.env.production': text('WORKER_CONFIRM_PHRASE=run_worker', 'MAX_UPLOAD=0.0', 'ADMIN_PASSWORD=Admin') },
    ['.env.production:1', '.env.production:2', '.env.production:3'],
    { honbanYml: schema },
  );
  assert.match(found[0]!.message, /WORKER_CONFIRM_PHRASE has the forbidden value "RUN_WORKER" in production/);
  assert.equal(found[2]!.message, 'ADMIN_PASSWORD has the forbidden value in production');
});

test('env/forbidden-value: other values, and other environments of a per-environment forbid, are silent', async () => {
  await expectEnvLines(rule, { '.env.production': text('WORKER_CONFIRM_PHRASE=launch-the-nightly-batch', 'MAX_UPLOAD=10') }, [], { honbanYml: schema });
  await expectEnvLines(rule, { '.env.development': text('WORKER_CONFIRM_PHRASE=RUN_WORKER') }, [], { honbanYml: schema, environment: 'development' });
});

test('env/forbidden-value: without a schema the catalog forbids the RUN_WORKER default in production', async () => {
  await expectEnvLines(rule, { '.env.production': text('WORKER_CONFIRM_PHRASE=RUN_WORKER') }, ['.env.production:1']);
  await expectEnvLines(rule, { '.env.staging': text('WORKER_CONFIRM_PHRASE=RUN_WORKER') }, [], { environment: 'staging' });
});
