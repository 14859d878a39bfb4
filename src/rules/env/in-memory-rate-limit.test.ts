import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './in-memory-rate-limit.js';

test('env/in-memory-rate-limit: memory:// storage in production (S0.3)', async () => {
  await expectLines(
    rule,
    { '.env.production': text('RATELIMIT_STORAGE_URI=memory://', 'RATE_LIMIT_STORAGE_BACKEND=in-memory', 'CACHE_URL=memory://') },
    ['.env.production:1', '.env.production:2'],
  );
});

test('env/in-memory-rate-limit: redis storage, and memory in development, are fine', async () => {
  await expectLines(rule, { '.env.production': text('RATELIMIT_STORAGE_URI=redis://redis:6379/0'), '.env.development': text('RATELIMIT_STORAGE_URI=memory://') }, []);
});
