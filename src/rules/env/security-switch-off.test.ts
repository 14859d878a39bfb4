import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './security-switch-off.js';

test('env/security-switch-off: protections explicitly off are reported (rate limiting medium)', async () => {
  const found = await expectEnvLines(
    rule,
    { 'env/production/common.env': text('FORCE_HTTPS=False', 'SESSION_COOKIE_SECURE=0', 'RATE_LIMIT_ENABLED=no', 'MKS_FORCE_HTTPS=false') },
    ['env/production/common.env:1', 'env/production/common.env:2', 'env/production/common.env:3', 'env/production/common.env:4'],
  );
  assert.equal(found[2]!.severity, 'medium');
  assert.match(found[3]!.message, /MKS_FORCE_HTTPS is off \("false"\) in production \(read as FORCE_HTTPS\)/);
});

test('env/security-switch-off: protections on, or unset, are silent', async () => {
  await expectEnvLines(rule, { 'env/production/common.env': text('FORCE_HTTPS=True', 'SESSION_COOKIE_SECURE=1', 'RATE_LIMIT_ENABLED=True', 'WTF_CSRF_ENABLED=') }, []);
});

test('env/security-switch-off: development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { 'env/development/common.env': text('FORCE_HTTPS=False', 'RATE_LIMIT_ENABLED=False') }, [], { environment: 'development' });
});
