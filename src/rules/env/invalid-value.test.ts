import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './invalid-value.js';

const schema = text(
  'variables:',
  '  WORKERS: { type: integer, min: 1, max: 16 }',
  '  RATIO: { type: number, max: 1 }',
  '  FEATURE: { type: boolean }',
  '  PUBLIC_URL: { type: url, schemes: [https] }',
  '  CONTACT: { type: email }',
  '  APP_PORT: { type: port }',
  '  MODE: { type: enum, values: [blue, green] }',
  '  REGION: { pattern: "^ap-[a-z]+-\\\\d$" }',
  '  NAME: { minLength: 3, maxLength: 5 }',
  '  FORCE_HTTPS: { type: boolean, environments: { production: { equals: true } } }',
  '  API_TOKEN: { secret: true, minLength: 40 }',
);

test('env/invalid-value: every schema keyword, negative values', async () => {
  const found = await expectEnvLines(
    rule,
    {
      '.env.production': text(
        'WORKERS=32',
        'RATIO=1.5',
        'FEATURE=perhaps',
        'PUBLIC_URL=http://example.com',
        'CONTACT=ops-at-example',
        'APP_PORT=70000',
        'MODE=red',
        'REGION=us-east-1',
        'NAME=ab',
        'FORCE_HTTPS=false',
        'API_TOKEN=Zq8wX3vB9nM2kL5pR7tY1uI4oP6aS0dF',
      ),
    },
    ['.env.production:1', '.env.production:2', '.env.production:3', '.env.production:4', '.env.production:5', '.env.production:6', '.env.production:7', '.env.production:8', '.env.production:9', '.env.production:10', '.env.production:11'],
    { honbanYml: schema },
  );
  const msgs = found.map((f) => f.message);
  assert.match(msgs[0]!, /WORKERS is above the maximum 16 \("32"\)/);
  assert.match(msgs[3]!, /PUBLIC_URL uses the scheme "http"; allowed: https/);
  assert.match(msgs[6]!, /MODE is not one of the allowed values \(blue, green\)/);
  assert.match(msgs[9]!, /FORCE_HTTPS must be true/);
  assert.match(msgs[10]!, /API_TOKEN is too short \(32 characters; at least 40\)$/);
  assert.ok(!msgs[10]!.includes('Zq8w'), 'a secret value is never shown');
  assert.ok(found.every((f) => f.severity === 'high'));
});

test('env/invalid-value: every schema keyword, positive values (and booleans in any spelling)', async () => {
  await expectEnvLines(
    rule,
    {
      '.env.production': text(
        'WORKERS=4',
        'RATIO=0.25',
        'FEATURE=Off',
        'PUBLIC_URL=https://example.com/app',
        'CONTACT=ops@example.co.jp',
        'APP_PORT=8080',
        'MODE=green',
        'REGION=ap-northeast-1',
        'NAME=abcd',
        'FORCE_HTTPS=YES',
        'API_TOKEN=Zq8wX3vB9nM2kL5pR7tY1uI4oP6aS0dFgH2jK4lM',
      ),
    },
    [],
    { honbanYml: schema },
  );
});

test('env/invalid-value: the per-environment override applies only to its environment', async () => {
  await expectEnvLines(rule, { '.env.development': text('FORCE_HTTPS=false') }, [], { honbanYml: schema, environment: 'development' });
});

test('env/invalid-value: without a schema the catalog types are checked (medium)', async () => {
  const found = await expectEnvLines(rule, { '.env.production': text('DEBUG=sometimes', 'PORT=http', 'DATABASE_URL=not a url', 'SESSION_TIMEOUT=1800') }, ['.env.production:1', '.env.production:2', '.env.production:3']);
  assert.ok(found.every((f) => f.severity === 'medium'));
  assert.match(found[0]!.message, /expected by honban's catalog/);
});
