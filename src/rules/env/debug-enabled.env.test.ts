import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './debug-enabled.js';

test('env/debug-enabled (honban env): debug switches that resolve to true (any spelling, any layer) are reported', async () => {
  const found = await expectEnvLines(
    rule,
    { '.env': text('DEBUG=True'), '.env.production': text('FLASK_DEBUG=1', 'MKS_DEBUG=yes'), 'env/production/app.env': text('DJANGO_DEBUG=ON') },
    ['.env:1', '.env.production:1', '.env.production:2', 'env/production/app.env:1'],
  );
  assert.equal(found[1]!.severity, 'critical');
  assert.match(found[2]!.message, /MKS_DEBUG turns debug mode on \("yes"\) in production \(read as DEBUG\)/);
});

test('env/debug-enabled (honban env): a later layer that turns debug off wins; false values are silent', async () => {
  await expectEnvLines(rule, { '.env': text('DEBUG=True'), '.env.production': text('DEBUG=False', 'FLASK_DEBUG=0') }, []);
  await expectEnvLines(rule, { '.env': text('DEBUG=False') }, ['process.env:-'], { processEnv: { DEBUG: 'true' } });
});

test('env/debug-enabled (honban env): development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { '.env.development': text('DEBUG=True') }, [], { environment: 'development' });
});
