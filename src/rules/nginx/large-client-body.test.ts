import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule, { parseSize } from './large-client-body.js';

test('parseSize understands nginx units', () => {
  assert.equal(parseSize('10m'), 10 * 1024 * 1024);
  assert.equal(parseSize('1G'), 1024 ** 3);
  assert.equal(parseSize('512k'), 512 * 1024);
  assert.equal(parseSize('0'), 0);
  assert.equal(parseSize('lots'), undefined);
});

test('nginx/large-client-body: 0 and more than 100m are reported; 100m and below are silent', async () => {
  await expectLines(
    rule,
    {
      'nginx/conf.d/a.conf': text(
        'client_max_body_size 0;',
        'server {',
        '    listen 443 ssl;',
        '    client_max_body_size 2g;',
        '    location /a { client_max_body_size 100m; }',
        '    location /b { client_max_body_size 10M; }',
        '}',
      ),
    },
    ['nginx/conf.d/a.conf:1', 'nginx/conf.d/a.conf:4'],
  );
});
