import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './add-header-dropped.js';

test('nginx/add-header-dropped: a location with its own add_header names the security headers it drops', async () => {
  const f = await expectLines(
    rule,
    {
      'nginx/conf.d/app.conf': text(
        'server {',
        '    listen 443 ssl;',
        '    add_header Strict-Transport-Security "max-age=31536000" always;',
        '    add_header X-Content-Type-Options nosniff always;',
        '    location /static/ {',
        '        alias /srv/app/static/;',
        '        add_header Cache-Control "public, max-age=2592000";',
        '    }',
        '    location / { proxy_pass http://127.0.0.1:8000; }',
        '}',
      ),
    },
    ['nginx/conf.d/app.conf:7'],
  );
  assert.match(f[0]!.message, /Strict-Transport-Security, X-Content-Type-Options are no longer sent/);
});

test('nginx/add-header-dropped: a server dropping http-level headers, and an if inside a location', async () => {
  await expectLines(
    rule,
    {
      'nginx/nginx.conf': text(
        'events {}',
        'http {',
        '    add_header X-Frame-Options DENY always;',
        '    server {',
        '        listen 443 ssl;',
        '        add_header X-Request-Id $request_id;',
        '        location /api/ {',
        '            if ($request_method = OPTIONS) {',
        '                add_header Access-Control-Allow-Origin https://a.example;',
        '                return 204;',
        '            }',
        '        }',
        '    }',
        '}',
      ),
    },
    ['nginx/nginx.conf:6'],
  );
});

test('nginx/add-header-dropped: repeating the headers (via a snippet), non-security drops, and add_header_inherit merge are silent', async () => {
  await expectLines(
    rule,
    {
      'nginx/conf.d/app.conf': text(
        'server {',
        '    listen 443 ssl;',
        '    include snippets/security-headers.conf;',
        '    add_header Cache-Control no-store;',
        '    location /static/ {',
        '        include snippets/security-headers.conf;',
        '        add_header Cache-Control "public";',
        '    }',
        '    location /merged/ {',
        '        add_header_inherit merge;',
        '        add_header X-Extra 1;',
        '    }',
        '}',
        'server {',
        '    listen 443 ssl;',
        '    add_header Cache-Control no-store;',
        '    location / { add_header X-Other 1; }',
        '}',
      ),
      'nginx/snippets/security-headers.conf': text('add_header Strict-Transport-Security "max-age=31536000" always;', 'add_header X-Frame-Options DENY always;'),
    },
    [],
  );
});
