import { test } from 'node:test';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './obsolete-xss-protection.js';

test('nginx/obsolete-xss-protection: "1; mode=block" is reported, "0" is not', async () => {
  await expectLines(
    rule,
    {
      'nginx/conf.d/a.conf': text('server {', '    listen 443 ssl;', '    add_header X-XSS-Protection "1; mode=block" always;', '}'),
      'nginx/conf.d/b.conf': text('server {', '    listen 443 ssl;', '    add_header X-XSS-Protection "0" always;', '}'),
    },
    ['nginx/conf.d/a.conf:3'],
  );
});
