import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './wildcard-allowed-hosts.js';

test('env/wildcard-allowed-hosts: "*" is reported', async () => {
  const found = await expectEnvLines(rule, { '.env.production': text('ALLOWED_HOSTS=app.example.com,*'), '.env': text('DJANGO_ALLOWED_HOSTS=*') }, ['.env:1', '.env.production:1']);
  assert.equal(found[1]!.message, 'ALLOWED_HOSTS contains "*" in production: any Host header is accepted');
});

test('env/wildcard-allowed-hosts: real names (and subdomain patterns) are silent', async () => {
  await expectEnvLines(rule, { '.env.production': text('ALLOWED_HOSTS=.example.com,app.example.com') }, []);
});

test('env/wildcard-allowed-hosts: development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { '.env.development': text('ALLOWED_HOSTS=*') }, [], { environment: 'development' });
});
