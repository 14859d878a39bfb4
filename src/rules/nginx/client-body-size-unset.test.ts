import { test } from 'node:test';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './client-body-size-unset.js';

test('nginx/client-body-size-unset: reported once per configuration, at the http block', async () => {
  await expectLines(
    rule,
    { 'nginx/nginx.conf': text('events {}', 'http {', '    server { listen 443 ssl; location / { proxy_pass http://127.0.0.1:8000; } }', '    server { listen 443 ssl; root /srv/b; }', '}') },
    ['nginx/nginx.conf:2'],
  );
});

test('nginx/client-body-size-unset: set at http, server or upload location is silent', async () => {
  await expectLines(
    rule,
    {
      'nginx/nginx.conf': text('events {}', 'http {', '    client_max_body_size 10m;', '    server { listen 443 ssl; root /srv/a; }', '}'),
      'other/nginx/conf.d/b.conf': text('server {', '    listen 443 ssl;', '    location /upload { client_max_body_size 20m; proxy_pass http://127.0.0.1:8000; }', '}'),
    },
    [],
  );
});
