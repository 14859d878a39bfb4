import { test } from 'node:test';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './default-site-enabled.js';

const STOCK = text(
  'server {',
  '\tlisten 80 default_server;',
  '\tlisten [::]:80 default_server;',
  '\troot /var/www/html;',
  '\tindex index.html index.htm index.nginx-debian.html;',
  '\tserver_name _;',
  '\tlocation / {',
  '\t\ttry_files $uri $uri/ =404;',
  '\t}',
  '}',
);

test("nginx/default-site-enabled: Debian's sites-enabled/default and nginx.org's conf.d/default.conf", async () => {
  await expectLines(
    rule,
    {
      'deploy/nginx/sites-enabled/default': STOCK,
      'docker/nginx/conf.d/default.conf': text('server {', '    listen 80;', '    server_name localhost;', '    location / {', '        root   /usr/share/nginx/html;', '        index  index.html index.htm;', '    }', '}'),
    },
    ['deploy/nginx/sites-enabled/default:1', 'docker/nginx/conf.d/default.conf:1'],
  );
});

test('nginx/default-site-enabled: a catch-all returning 444, or a default file that proxies the app, is silent', async () => {
  await expectLines(
    rule,
    {
      'nginx/sites-enabled/catchall.conf': text('server {', '    listen 80 default_server;', '    server_name _;', '    root /var/www/html;', '    return 444;', '}'),
      'nginx/conf.d/default.conf': text('server {', '    listen 80;', '    location / { proxy_pass http://app:8000; }', '}'),
    },
    [],
  );
});
