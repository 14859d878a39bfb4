import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './missing-recommended.js';

test('env/missing-recommended: schema-recommended variables missing or empty are low findings', async () => {
  const found = await expectEnvLines(
    rule,
    { '.env.production': text('LOG_FORMAT=') },
    ['honban.yml:2', 'honban.yml:4'],
    { honbanYml: text('variables:', '  SENTRY_DSN:', '    recommended: true', '  LOG_FORMAT:', '    recommended: true', '  PRESENT:', '    recommended: true'), processEnv: { PRESENT: 'yes' } },
  );
  assert.equal(found[0]!.severity, 'low');
  assert.match(found[1]!.message, /LOG_FORMAT is recommended in production but empty/);
});

test('env/missing-recommended: without a schema the catalog recommends SENTRY_DSN in production only', async () => {
  const found = await expectEnvLines(rule, { '.env': text('A=1'), '.env.production': text('B=2') }, ['.env.production:-']);
  assert.match(found[0]!.message, /SENTRY_DSN .*honban catalog/);
  await expectEnvLines(rule, { '.env': text('A=1'), '.env.development': text('B=2') }, [], { environment: 'development' });
  await expectEnvLines(rule, { '.env.production': text('SENTRY_DSN=https://0123abcd@o1.ingest.sentry.io/42') }, []);
});
