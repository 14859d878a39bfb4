import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './insecure-cors-origin.js';

test('env/insecure-cors-origin: wildcards, http and localhost origins are reported', async () => {
  const found = await expectEnvLines(
    rule,
    { '.env.production': text('CORS_ORIGINS=*', 'MKS_CORS_ORIGINS=https://app.example.com,http://admin.example.com', 'ALLOWED_ORIGINS=["https://app.example.com", "http://localhost:3000"]') },
    ['.env.production:1', '.env.production:2', '.env.production:3'],
  );
  assert.match(found[1]!.message, /plain HTTP origins \(http:\/\/admin\.example\.com\)/);
  assert.equal(found[2]!.severity, 'medium');
});

test('env/insecure-cors-origin: https origins only are silent', async () => {
  await expectEnvLines(rule, { '.env.production': text('CORS_ORIGINS=https://app.example.com https://www.example.com') }, []);
});

test('env/insecure-cors-origin: development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { '.env.development': text('CORS_ORIGINS=*') }, [], { environment: 'development' });
});
