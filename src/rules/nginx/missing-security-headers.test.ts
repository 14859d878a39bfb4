import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './missing-security-headers.js';

test('nginx/missing-security-headers: lists what is missing, at the server line', async () => {
  const f = await expectLines(
    rule,
    {
      'nginx/conf.d/app.conf': text(
        'server {',
        '    listen 443 ssl;',
        '    add_header X-Content-Type-Options nosniff always;',
        '    location / { proxy_pass http://127.0.0.1:8000; }',
        '}',
      ),
    },
    ['nginx/conf.d/app.conf:1'],
  );
  assert.match(f[0]!.message, /X-Frame-Options \(or CSP frame-ancestors\), Referrer-Policy/);
  assert.doesNotMatch(f[0]!.message, /X-Content-Type-Options/);
});

test('nginx/missing-security-headers: all three (frame-ancestors counts), and redirect-only servers, are silent', async () => {
  await expectLines(
    rule,
    {
      'nginx/conf.d/app.conf': text(
        'server {',
        '    listen 80;',
        '    return 301 https://$host$request_uri;',
        '}',
        'server {',
        '    listen 443 ssl;',
        '    add_header X-Content-Type-Options "nosniff" always;',
        `    add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'" always;`,
        '    add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
        '    location / { proxy_pass http://127.0.0.1:8000; }',
        '}',
      ),
    },
    [],
  );
});
