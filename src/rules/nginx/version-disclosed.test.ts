import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './version-disclosed.js';

test('nginx/version-disclosed: explicit on is medium at its line; unset is low at the http block', async () => {
  const f = await expectLines(
    rule,
    {
      'nginx/nginx.conf': text('events {}', 'http {', '    server { listen 80; return 444; }', '}'),
      'other/nginx/conf.d/a.conf': text('server_tokens on;', 'server {', '    listen 443 ssl;', '}'),
    },
    ['nginx/nginx.conf:2', 'other/nginx/conf.d/a.conf:1'],
  );
  assert.equal(f.find((x) => x.file === 'nginx/nginx.conf')!.severity, 'low');
  assert.equal(f.find((x) => x.file !== 'nginx/nginx.conf')!.severity, 'medium');
});

test('nginx/version-disclosed: server_tokens off is silent', async () => {
  await expectLines(rule, { 'nginx/nginx.conf': text('events {}', 'http {', '    server_tokens off;', '    server { listen 80; return 444; }', '}') }, []);
});
