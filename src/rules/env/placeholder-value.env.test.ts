import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './placeholder-value.js';

test('env/placeholder-value (honban env): template placeholders in non-secret variables are reported', async () => {
  const found = await expectEnvLines(
    rule,
    { 'env/production/app.env': text('TNG_SENDER_USERNAME=your_smtp_username', 'TNG_CLOUD_SEARCH_ENDPOINT_SEARCH=your_cloudsearch_search_endpoint', 'S3_BUCKET=<bucket-name>', 'NOTIFY_EMAIL=TODO') },
    ['env/production/app.env:1', 'env/production/app.env:2', 'env/production/app.env:3', 'env/production/app.env:4'],
  );
  assert.match(found[0]!.message, /^TNG_SENDER_USERNAME is still a placeholder \(18 characters\), not a real value$/);
});

test('env/placeholder-value (honban env): real values and setting words are silent; a secret left as a placeholder is reported here', async () => {
  const found = await expectEnvLines(rule, { 'env/production/app.env': text('CACHE_TYPE=null', 'SESSION_ENGINE=default', 'TNG_SENDER_DOMAIN=mail.example.com', 'TNG_SENDER_PASSWORD=your_smtp_password', 'RETRIES=0') }, ['env/production/app.env:4']);
  assert.match(found[0]!.message, /^TNG_SENDER_PASSWORD is still a placeholder \(18 characters\), not a real secret$/);
});

test('env/placeholder-value (honban env): development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { 'env/development/app.env': text('TNG_SENDER_USERNAME=your_smtp_username') }, [], { environment: 'development' });
});
