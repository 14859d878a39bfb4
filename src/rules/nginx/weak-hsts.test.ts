import { test } from 'node:test';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './weak-hsts.js';

test('nginx/weak-hsts: max-age under a year, max-age=0 and no max-age are reported', async () => {
  await expectLines(
    rule,
    {
      'nginx/conf.d/a.conf': text(
        'server {',
        '    listen 443 ssl;',
        '    add_header Strict-Transport-Security "max-age=86400; includeSubDomains" always;',
        '    location /x { add_header Strict-Transport-Security "max-age=0"; }',
        '    location /y { add_header strict-transport-security includeSubDomains; }',
        '}',
      ),
    },
    ['nginx/conf.d/a.conf:3', 'nginx/conf.d/a.conf:4', 'nginx/conf.d/a.conf:5'],
  );
});

test('nginx/weak-hsts: one year or more is silent', async () => {
  await expectLines(rule, { 'nginx/conf.d/a.conf': text('server {', '    listen 443 ssl;', '    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains; preload" always;', '}') }, []);
});
