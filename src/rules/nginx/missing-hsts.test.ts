import { test } from 'node:test';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './missing-hsts.js';

test('nginx/missing-hsts: an HTTPS server without Strict-Transport-Security is reported at the server line', async () => {
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
        '    add_header X-Frame-Options DENY always;',
        '    location / { proxy_pass http://127.0.0.1:8000; }',
        '}',
      ),
    },
    ['nginx/conf.d/app.conf:5'],
  );
});

test('nginx/missing-hsts: HSTS inherited from http, set in a snippet, or an unknown external include are silent', async () => {
  await expectLines(
    rule,
    {
      'nginx/nginx.conf': text('events {}', 'http {', '    add_header Strict-Transport-Security "max-age=63072000" always;', '    include sites-enabled/*;', '}'),
      'nginx/sites-enabled/a': text('server {', '    listen 443 ssl;', '    root /srv/a;', '}'),
      'other/nginx/conf.d/b.conf': text('server {', '    listen 443 ssl;', '    include snippets/headers.conf;', '}'),
      'other/nginx/snippets/headers.conf': text('add_header Strict-Transport-Security "max-age=31536000" always;'),
      'third/nginx/conf.d/c.conf': text('server {', '    listen 443 ssl;', '    include /etc/nginx/snippets/company-headers.conf;', '}'),
    },
    [],
  );
});

test('nginx/missing-hsts: a site file without an extension outside sites-available (deployment/nginx/<app>) is read by its content', async () => {
  const site = text(
    'server {',
    '    listen 80;',
    '    return 301 https://$host$request_uri;',
    '}',
    'server {',
    '    listen 443 ssl;',
    '    ssl_certificate /srv/shop/certs/cert.pem;',
    '    location / { proxy_pass http://localhost:8000; }',
    '}',
  );
  await expectLines(rule, { 'deployment/nginx/shop': site, 'proxy/conf': site }, ['deployment/nginx/shop:5', 'proxy/conf:5']);
  // The same words in prose are not a configuration.
  await expectLines(rule, { 'docs/HOWTO': `Put this in your site file\n${site}` }, []);
});
