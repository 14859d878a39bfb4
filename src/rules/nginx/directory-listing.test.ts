import { test } from 'node:test';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './directory-listing.js';

test('nginx/directory-listing: autoindex on is reported, off is not', async () => {
  await expectLines(
    rule,
    {
      'nginx/conf.d/a.conf': text('server {', '    listen 443 ssl;', '    location /files/ {', '        root /srv;', '        autoindex on;', '    }', '    location /b/ { autoindex off; }', '}'),
    },
    ['nginx/conf.d/a.conf:5'],
  );
});

test('nginx/directory-listing: a development config is not judged for production', async () => {
  await expectLines(rule, { 'nginx/dev.conf': text('server {', '    listen 80;', '    autoindex on;', '}') }, []);
});
