import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines, runEnvTest } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './unreadable-secret-file.js';

test('env/unreadable-secret-file: a pointer at a missing file is reported at the pointer', async () => {
  const found = await expectEnvLines(rule, { '.env.production': text('A=1', 'DB_PASSWORD_FILE=/run/secrets/db_password') }, ['.env.production:2']);
  assert.equal(found[0]!.message, 'DB_PASSWORD_FILE points at /run/secrets/db_password, which cannot be read (no such file): DB_PASSWORD stays unset');
  assert.equal(found[0]!.key, 'DB_PASSWORD');
});

test('env/unreadable-secret-file: a readable pointer provides the variable; /run/secrets maps onto --secrets-dir', async () => {
  const files = { '.env.production': text('DB_PASSWORD_FILE=/run/secrets/db_password', 'LOG_FILE=/var/log/app.log'), '/host/secrets/db_password': 'pw-from-file\n' };
  await expectEnvLines(rule, files, [], { secretsDir: '/host/secrets' });
  const { resolution } = await runEnvTest(rule, files, { secretsDir: '/host/secrets' });
  const v = resolution.vars.get('DB_PASSWORD')!;
  assert.equal(v.value, 'pw-from-file');
  assert.equal(v.via, 'DB_PASSWORD_FILE');
  assert.equal(resolution.vars.has('LOG'), false, 'LOG_FILE is not a secret pointer');
});
