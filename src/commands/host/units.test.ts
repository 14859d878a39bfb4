/** Small parts of honban host: LZ4 frames (apt's compressed lists), Debian version order, parsers of command output. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lz4Decompress } from './lz4.js';
import { atLeast, compareDebian } from '../../rules/host/_versions.js';
import { parseNginxBuild, parseNginxOutput, parseSs } from './gather-live.js';
import { eolOf } from '../../rules/host/_eol.js';
import { FIXTURES } from '../../testing/host.js';

test('lz4: a frame written by the lz4 tool decompresses to the original; garbage and bombs end with an error', () => {
  const packed = readFileSync(path.join(FIXTURES, 'data/Packages.lz4'));
  const plain = readFileSync(path.join(FIXTURES, 'data/Packages.txt'));
  assert.ok(packed.length < plain.length);
  assert.equal(Buffer.compare(lz4Decompress(packed), plain), 0);
  assert.throws(() => lz4Decompress(Buffer.from('not lz4 at all')), /not an LZ4 frame/);
  assert.throws(() => lz4Decompress(packed, 1000), /larger than 1000 bytes/);
  assert.throws(() => lz4Decompress(packed.subarray(0, 40)), /truncated/);
});

test('Debian version order: epochs, revisions, ~ before everything', () => {
  assert.ok(compareDebian('1:8.2p1-4ubuntu0.11', '1:8.2p1-4ubuntu0.5') > 0);
  assert.ok(compareDebian('2.0', '1:1.0') < 0);
  assert.ok(compareDebian('1.0~rc1', '1.0') < 0);
  assert.ok(compareDebian('1.22.1-9+deb12u12', '1.22.1-9') > 0);
  assert.equal(compareDebian('3.11.2-1+b1', '3.11.2-1+b1'), 0);
  assert.equal(atLeast('3.8.2-0ubuntu2', '3.9'), false);
  assert.equal(atLeast('1:3.10.0-1', '3.9'), true);
  assert.equal(atLeast('1.18.0-0ubuntu1', '1.18'), true);
  assert.equal(atLeast('weird', '1.0'), undefined);
});

test('ss -ltnp and nginx -t output', () => {
  const ls = parseSs('LISTEN 0 511 0.0.0.0:80 0.0.0.0:* users:(("nginx",pid=812,fd=6),("nginx",pid=811,fd=6))\nLISTEN 0 128 [::1]:8000 [::]:*\nLISTEN 0 4096 *:443 *:*\n', 'host:ss -ltnp', 'production');
  assert.deepEqual(ls.map((l) => [l.address, l.port, l.process, l.pid]), [['0.0.0.0', 80, 'nginx', 812], ['::1', 8000, undefined, undefined], ['::', 443, undefined, undefined]]);
  const m = parseNginxOutput('nginx: [emerg] unknown directive "x" in /etc/nginx/sites-enabled/app:12\nnginx: configuration file /etc/nginx/nginx.conf test failed\n2026/06/01 03:00:00 [warn] 1#1: conflicting server name "a" on 0.0.0.0:80, ignored\n');
  assert.deepEqual(m, [{ level: 'emerg', text: 'unknown directive "x" in /etc/nginx/sites-enabled/app:12', file: 'etc/nginx/sites-enabled/app', line: 12 }, { level: 'warn', text: 'conflicting server name "a" on 0.0.0.0:80, ignored' }]);
});

test('end-of-life table: Ubuntu by major.minor, Debian by major', () => {
  assert.equal(eolOf('ubuntu', '20.04')?.eol, '2025-05-31');
  assert.equal(eolOf('debian', '12.5')?.name, 'Debian 12 (bookworm)');
  assert.equal(eolOf('ubuntu', '19.10'), undefined);
});

test('nginx -V: prefix and log paths from the configure arguments (quoted options kept whole; no configure line: nothing)', () => {
  const out = "nginx version: nginx/1.22.1\nbuilt with OpenSSL 3.0.11\nTLS SNI support enabled\nconfigure arguments: --with-cc-opt='-g -O2 --prefix=/wrong' --prefix=/usr/share/nginx --conf-path=/etc/nginx/nginx.conf --http-log-path=/var/log/nginx/access.log --error-log-path=stderr\n";
  assert.deepEqual(parseNginxBuild(out), { prefix: '/usr/share/nginx', httpLogPath: '/var/log/nginx/access.log', errorLogPath: 'stderr' });
  assert.deepEqual(parseNginxBuild('nginx version: nginx/1.22.1\n'), {});
  assert.deepEqual(parseNginxBuild('configure arguments: --prefix=relative/dir\n'), {});
});
