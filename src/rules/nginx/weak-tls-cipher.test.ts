import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule, { weakCiphers } from './weak-tls-cipher.js';

test('weakCiphers follows OpenSSL list semantics', () => {
  assert.deepEqual(weakCiphers('HIGH:!aNULL:!MD5'), []);
  assert.deepEqual(weakCiphers('ALL:!aNULL:!eNULL'), []);
  assert.deepEqual(weakCiphers('ALL'), ['aNULL']);
  assert.deepEqual(weakCiphers('ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA').sort(), ['3DES']);
  assert.deepEqual(weakCiphers('RC4-SHA:!RC4'), []);
  assert.deepEqual(weakCiphers('!RC4:RC4-SHA'), []);
  assert.deepEqual(weakCiphers('-RC4:RC4-SHA'), ['RC4']);
  assert.deepEqual(weakCiphers('EXP-RC4-MD5').sort(), ['EXPORT', 'MD5', 'RC4']);
  assert.deepEqual(weakCiphers('EECDH+AESGCM:EDH+AESGCM'), []);
  assert.deepEqual(weakCiphers('ADH-AES256-SHA:eNULL').sort(), ['NULL', 'aNULL']);
});

test('nginx/weak-tls-cipher: RC4/3DES are medium, NULL/aNULL high; the modern list and exclusions are silent', async () => {
  const f = await expectLines(
    rule,
    {
      'nginx/conf.d/a.conf': text('server {', '    listen 443 ssl;', '    ssl_ciphers "ECDHE-RSA-AES128-GCM-SHA256:RC4-SHA:DES-CBC3-SHA";', '}'),
      'nginx/conf.d/b.conf': text('server {', '    listen 443 ssl;', '    ssl_ciphers aNULL:HIGH;', '}'),
      'nginx/conf.d/c.conf': text('server {', '    listen 443 ssl;', '    ssl_ciphers HIGH:!aNULL:!MD5:!3DES;', '}'),
      'nginx/conf.d/d.conf': text(
        'server {',
        '    listen 443 ssl;',
        '    ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305:DHE-RSA-AES256-GCM-SHA384;',
        '}',
      ),
    },
    ['nginx/conf.d/a.conf:3', 'nginx/conf.d/b.conf:3'],
  );
  assert.equal(f.find((x) => x.file.endsWith('a.conf'))!.severity, 'medium');
  assert.equal(f.find((x) => x.file.endsWith('b.conf'))!.severity, 'high');
  assert.match(f[0]!.message, /RC4.*3DES/);
});
