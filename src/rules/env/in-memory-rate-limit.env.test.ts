import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './in-memory-rate-limit.js';

test('env/in-memory-rate-limit (honban env): memory:// storage is reported', async () => {
  const found = await expectEnvLines(rule, { '.env': text('RATELIMIT_STORAGE_URI=memory://') }, ['.env:1']);
  assert.equal(found[0]!.message, 'RATELIMIT_STORAGE_URI keeps rate-limit counters in process memory ("memory://") in production: each worker counts separately and a restart resets them');
  assert.equal(found[0]!.key, 'RATELIMIT_STORAGE_URI');
});

test('env/in-memory-rate-limit (honban env): redis storage is silent', async () => {
  await expectEnvLines(rule, { '.env': text('RATELIMIT_STORAGE_URI=memory://'), '.env.production': text('RATELIMIT_STORAGE_URI=redis://redis.internal:6379/0') }, []);
});

test('env/in-memory-rate-limit (honban env): development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { '.env.development': text('RATELIMIT_STORAGE_URI=memory://') }, [], { environment: 'development' });
});
