import { test } from 'node:test';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './alias-traversal.js';

test('nginx/alias-traversal: location without trailing slash and alias with one', async () => {
  await expectLines(
    rule,
    {
      'nginx/conf.d/a.conf': text(
        'server {',
        '    listen 443 ssl;',
        '    location /static {',
        '        alias /srv/app/static/;',
        '    }',
        '    location ^~ /media {',
        '        alias /srv/app/media/;',
        '    }',
        '}',
      ),
    },
    ['nginx/conf.d/a.conf:4', 'nginx/conf.d/a.conf:7'],
  );
});

test('nginx/alias-traversal: matching slashes, alias without slash, regex locations are silent', async () => {
  await expectLines(
    rule,
    {
      'nginx/conf.d/a.conf': text(
        'server {',
        '    listen 443 ssl;',
        '    location /static/ { alias /srv/app/static/; }',
        '    location /favicon.ico { alias /srv/app/static/favicon.ico; }',
        '    location ~ ^/img/(.*)$ { alias /srv/img/$1; }',
        '}',
      ),
    },
    [],
  );
});
