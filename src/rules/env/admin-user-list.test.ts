import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './admin-user-list.js';

test('env/admin-user-list: a user-name admin list is an info finding', async () => {
  const found = await expectEnvLines(rule, { '.env.production': text('ADMIN_USERS=alice,bob') }, ['.env.production:1']);
  assert.equal(found[0]!.severity, 'info');
  assert.match(found[0]!.message, /2 user names/);
});

test('env/admin-user-list: unset or empty is silent', async () => {
  await expectEnvLines(rule, { '.env.production': text('ADMIN_USERS=') }, []);
});

test('env/admin-user-list: development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { '.env.development': text('ADMIN_USERS=alice') }, [], { environment: 'development' });
});
