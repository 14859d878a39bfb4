import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './certificate-missing.js';
import { expectHostLines } from '../../testing/host-rules.js';

test('an ssl_certificate that does not exist is reported where nginx names it', async () => {
  const [f] = await expectHostLines(rule, { hostCertificate: [{ file: 'etc/nginx/sites-enabled/app', line: 14, path: '/etc/letsencrypt/live/old.example/fullchain.pem', exists: false, letsencrypt: true, referencedBy: { file: 'etc/nginx/sites-enabled/app', line: 14, column: 5 } }] }, ['etc/nginx/sites-enabled/app:14']);
  assert.match(f!.message, /old\.example/);
});

test('an existing certificate passes', async () => {
  await expectHostLines(rule, { hostCertificate: [{ file: 'etc/ssl/app.pem', path: '/etc/ssl/app.pem', exists: true, letsencrypt: false, referencedBy: { file: 'etc/nginx/nginx.conf', line: 3, column: 5 } }] }, []);
});
