import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './dangerous-switch.js';

test('env/dangerous-switch (honban env): development switches that are on are reported', async () => {
  const found = await expectEnvLines(
    rule,
    { '.env.production': text('DISABLE_WTF_CSRF=1', 'DISABLE_FORCE_HTTPS=true', 'ALLOW_DB_RESET=0', 'MKS_INSECURE_SKIP_VERIFY=on') },
    ['.env.production:1', '.env.production:2', '.env.production:4'],
  );
  assert.equal(found[0]!.severity, 'critical');
  assert.equal(found[1]!.severity, 'high');
  assert.match(found[1]!.message, /^DISABLE_FORCE_HTTPS lets the app serve plain HTTP in production$/);
});

test('env/dangerous-switch (honban env): off / empty switches, and a schema that pins the value, are silent', async () => {
  await expectEnvLines(rule, { '.env.production': text('DISABLE_WTF_CSRF=0', 'DISABLE_FORCE_HTTPS=False', 'ALLOW_DB_RESET=') }, []);
  await expectEnvLines(rule, { '.env.production': text('ALLOW_DB_RESET=1') }, [], { honbanYml: text('variables:', '  ALLOW_DB_RESET: { type: boolean, equals: true }') });
});

test('env/dangerous-switch (honban env): development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { '.env.development': text('DISABLE_WTF_CSRF=1') }, [], { environment: 'development' });
});
