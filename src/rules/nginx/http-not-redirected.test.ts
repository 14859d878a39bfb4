import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './http-not-redirected.js';

const tls = (name: string) =>
  text(
    'server {',
    '    listen 443 ssl;',
    `    server_name ${name};`,
    '    ssl_certificate /etc/letsencrypt/live/x/fullchain.pem;',
    '    ssl_certificate_key /etc/letsencrypt/live/x/privkey.pem;',
    '    location / { proxy_pass http://127.0.0.1:8000; }',
    '}',
  );

test('nginx/http-not-redirected: a port-80 server proxying the app is reported at its listen line', async () => {
  const findings = await expectLines(
    rule,
    {
      'nginx/conf.d/app.conf': text(
        'server {',
        '    listen 80;',
        '    server_name example.com;',
        '    location / {',
        '        proxy_pass http://127.0.0.1:8000;',
        '    }',
        '}',
      ) + tls('example.com'),
    },
    ['nginx/conf.d/app.conf:2'],
  );
  assert.equal(findings[0]!.severity, 'high');
  assert.match(findings[0]!.message, /location \/ \(nginx\/conf\.d\/app\.conf:4\)/);
});

test('nginx/http-not-redirected: a server on 80 and 443 without a scheme redirect, and an ACME-only port-80 server', async () => {
  await expectLines(
    rule,
    {
      'nginx/sites-enabled/mixed.conf': text(
        'server {',
        '    listen 80;',
        '    listen 443 ssl;',
        '    root /srv/www;',
        '}',
      ),
      'nginx/sites-enabled/acme.conf': text(
        'server {',
        '    listen 80;',
        '    location /.well-known/acme-challenge/ { root /var/www/html; }',
        '}',
      ),
    },
    ['nginx/sites-enabled/acme.conf:2', 'nginx/sites-enabled/mixed.conf:2'],
  );
});

test('nginx/http-not-redirected: without any TLS server the finding is medium and mentions the load balancer', async () => {
  const findings = await expectLines(rule, { 'nginx/nginx.conf': text('events {}', 'http {', '  server {', '    listen 8080;', '    location / { proxy_pass http://app:8000; }', '  }', '}') }, ['nginx/nginx.conf:4']);
  assert.equal(findings[0]!.severity, 'medium');
  assert.match(findings[0]!.message, /X-Forwarded-Proto/);
});

test('nginx/http-not-redirected: redirects (return, rewrite, per-location, scheme test), ACME, loopback and catch-all 444 are silent', async () => {
  await expectLines(
    rule,
    {
      'nginx/conf.d/a.conf': text('server {', '    listen 80;', '    listen [::]:80;', '    return 301 https://$host$request_uri;', '}') + tls('a'),
      'nginx/conf.d/b.conf': text(
        'server {',
        '    listen 80;',
        '    location /.well-known/acme-challenge/ { root /var/www/html; }',
        '    location / { return 301 https://$server_name$request_uri; }',
        '}',
      ),
      'nginx/conf.d/c.conf': text('server {', '    listen 80;', '    rewrite ^ https://$host$request_uri? permanent;', '}'),
      'nginx/conf.d/d.conf': text('server {', '    listen 80;', '    listen 443 ssl;', '    if ($scheme = http) {', '        return 301 https://$host$request_uri;', '    }', '    location / { proxy_pass http://127.0.0.1:8000; }', '}'),
      'nginx/conf.d/e.conf': text('server {', '    listen 127.0.0.1:8081;', '    location /nginx_status { stub_status; }', '}'),
      'nginx/conf.d/f.conf': text('server {', '    listen 80 default_server;', '    server_name _;', '    return 444;', '}'),
      'nginx/conf.d/g.conf': text('server {', '    listen 80;', '    if ($http_x_forwarded_proto != "https") {', '        return 301 https://$host$request_uri;', '    }', '    location / { proxy_pass http://app:8000; }', '}'),
    },
    [],
  );
});

test('nginx/http-not-redirected: a development nginx config is not judged for production (same content in a shared file is)', async () => {
  const body = text('server {', '    listen 80;', '    location / { proxy_pass http://127.0.0.1:5000; }', '}');
  await expectLines(rule, { 'nginx/development.conf': body }, []);
  await expectLines(rule, { 'nginx/app.conf': body }, ['nginx/app.conf:2']);
  await expectLines(rule, { 'nginx/app.conf': body }, [], { environment: 'development' });
});
