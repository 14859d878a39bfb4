import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './weak-tls-protocol.js';

test('nginx/weak-tls-protocol: TLSv1/TLSv1.1 are medium, SSLv3 is high, in the file where they are written', async () => {
  const findings = await expectLines(
    rule,
    {
      'nginx/nginx.conf': text('events {}', 'http {', '    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;', '    include conf.d/*.conf;', '}'),
      'nginx/conf.d/legacy.conf': text('server {', '    listen 443 ssl;', '    ssl_protocols SSLv3 TLSv1.2;', '}'),
    },
    ['nginx/conf.d/legacy.conf:3', 'nginx/nginx.conf:3'],
  );
  const bySev = Object.fromEntries(findings.map((f) => [f.file, f]));
  assert.equal(bySev['nginx/nginx.conf']!.severity, 'medium');
  assert.equal(bySev['nginx/nginx.conf']!.column, 19);
  assert.match(bySev['nginx/nginx.conf']!.message, /TLSv1, TLSv1\.1/);
  assert.equal(bySev['nginx/conf.d/legacy.conf']!.severity, 'high');
});

test('nginx/weak-tls-protocol: an HTTPS server relying on the default is low; certbot options or TLSv1.2+ are silent', async () => {
  const f = await expectLines(rule, { 'nginx/conf.d/app.conf': text('server {', '    listen 443 ssl;', '    server_name a;', '}') }, ['nginx/conf.d/app.conf:1']);
  assert.equal(f[0]!.severity, 'low');
  await expectLines(
    rule,
    {
      'nginx/conf.d/a.conf': text('server {', '    listen 443 ssl;', '    include /etc/letsencrypt/options-ssl-nginx.conf;', '}'),
      'nginx/conf.d/b.conf': text('server {', '    listen 443 ssl http2;', '    ssl_protocols TLSv1.2 TLSv1.3;', '}'),
      'nginx/conf.d/c.conf': text('server {', '    listen 80;', '}'),
    },
    [],
  );
});
