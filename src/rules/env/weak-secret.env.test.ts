import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines, runEnvTest } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './weak-secret.js';

const STRONG = 'mV4q9Tz2Lr8XbN6pK1wQ7sJ3dH5fG0cYeA2uR9tZ';

test('env/weak-secret (honban env): well-known, short and low-entropy secrets are reported (placeholders are env/placeholder-value)', async () => {
  const found = await expectEnvLines(
    rule,
    {
      '.env': text('SECRET_KEY=change-me-locally'),
      '.env.production': text(
        'FLASK_SECRET_KEY=put_a_strong_random_key_here',
        'JWT_SECRET=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        'DB_PASSWORD=Xk3p9vQ2',
        'API_TOKEN=' + STRONG,
        'DATABASE_URL=postgresql://mks_user:secure_password@localhost:5432/mirai_knowledge',
      ),
    },
    ['.env:1', '.env.production:2', '.env.production:3', '.env.production:5'],
  );
  const msgs = found.map((f) => f.message);
  assert.match(msgs[0]!, /SECRET_KEY is a well-known default/);
  assert.match(msgs[1]!, /JWT_SECRET has too little randomness/);
  assert.match(msgs[2]!, /DB_PASSWORD is too short \(8 characters; at least 16/);
  assert.match(msgs[3]!, /DATABASE_URL embeds a password that is a well-known default/);
  for (const m of msgs) assert.ok(!/change-me-locally|put_a_strong|Xk3p9vQ2|secure_password/.test(m), m);
});

test('env/weak-secret (honban env): the value that wins counts — a strong secret from the secrets dir shadows a weak file value', async () => {
  await expectEnvLines(rule, { '.env': text('SECRET_KEY=change-me'), '/srv/secrets/secret_key': STRONG + '\n' }, [], { secretsDir: '/srv/secrets' });
  await expectEnvLines(rule, { '.env': text('SECRET_KEY=change-me') }, ['process.env:-'], { processEnv: { SECRET_KEY: 'changeme' } });
});

test('env/weak-secret (honban env): development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { '.env.development': text('SECRET_KEY=dev-secret-key') }, [], { environment: 'development' });
});

test('env/weak-secret (honban env): a DSN is not judged by length; options raise the minimum', async () => {
  await expectEnvLines(rule, { '.env.production': text('SENTRY_DSN=https://abc123def@o1.ingest.sentry.io/7') }, []);
  // The option under the deprecated id env/weak-secret-value still applies.
  const { report } = await runEnvTest(rule, { '.env.production': text('API_TOKEN=' + STRONG) }, { config: { rules: { 'env/weak-secret-value': { options: { minLength: 64 } } } } });
  assert.equal(report.findings.length, 1);
  assert.match(report.findings[0]!.message, /at least 64/);
});

test('env/weak-secret (honban env): the schema keyword secret overrides the name in both directions', async () => {
  const yml = text('variables:', '  PUBLIC_API_KEY: { secret: false }', '  CONFIRM_CODE: { secret: true }');
  const found = await expectEnvLines(rule, { '.env.production': text('PUBLIC_API_KEY=pk_live_public', 'CONFIRM_CODE=8f3k2') }, ['.env.production:2'], { honbanYml: yml });
  assert.match(found[0]!.message, /CONFIRM_CODE is (too short|a placeholder|a well-known)/);
  assert.ok(!found[0]!.message.includes('8f3k2'));
});
