import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './dangerous-switch.js';

test('env/dangerous-switch: protections switched off in production (S0.4, S0.9, S0.16)', async () => {
  const findings = await expectLines(
    rule,
    {
      '.env.production': text(
        'DISABLE_WTF_CSRF=1',
        'DISABLE_FORCE_HTTPS=0',
        'ALLOW_DB_RESET=true',
        'NODE_TLS_REJECT_UNAUTHORIZED=0',
        'WTF_CSRF_ENABLED=False',
        'FORCE_HTTPS=True',
        'RATELIMIT_ENABLED=false',
        'SESSION_COOKIE_SECURE=false',
      ),
    },
    ['.env.production:1', '.env.production:3', '.env.production:4', '.env.production:5', '.env.production:7', '.env.production:8'],
  );
  // CSRF protection switched off in production is critical (the judgement `honban env` had).
  assert.deepEqual(findings.map((f) => f.severity), ['critical', 'critical', 'high', 'high', 'medium', 'high']);
  assert.match(findings[0]!.message, /^DISABLE_WTF_CSRF turns off CSRF protection/);
});

test('env/dangerous-switch: development shortcuts in .env.development are not judged for production', async () => {
  await expectLines(rule, { '.env.development': text('DISABLE_WTF_CSRF=1', 'DISABLE_FORCE_HTTPS=1') }, []);
  await expectLines(rule, { '.env.production': text('DISABLE_WTF_CSRF=0', 'ALLOW_DB_RESET=', 'WTF_CSRF_ENABLED=true') }, []);
});
