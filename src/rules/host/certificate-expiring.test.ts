import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './certificate-expiring.js';
import { expectHostLines } from '../../testing/host-rules.js';

// The tests gather on 2026-06-01.
const cert = (notAfter: string) => ({ hostCertificate: [{ file: 'etc/letsencrypt/live/a.example/fullchain.pem', path: '/etc/letsencrypt/live/a.example/fullchain.pem', exists: true, letsencrypt: true, notAfter, names: ['a.example'] }] });

test('expired is high; 9 days left is high; 20 days left is medium', async () => {
  const [a] = await expectHostLines(rule, cert('2026-05-20T00:00:00.000Z'), ['etc/letsencrypt/live/a.example/fullchain.pem:-']);
  assert.match(a!.message, /expired/);
  const [b] = await expectHostLines(rule, cert('2026-06-10T00:00:00.000Z'), ['etc/letsencrypt/live/a.example/fullchain.pem:-']);
  assert.equal(b!.severity, 'high');
  const [c] = await expectHostLines(rule, cert('2026-06-21T00:00:00.000Z'), ['etc/letsencrypt/live/a.example/fullchain.pem:-']);
  assert.equal(c!.severity, 'medium');
});

test('80 days left passes; host.certificateWarnDays moves the line', async () => {
  await expectHostLines(rule, cert('2026-08-20T00:00:00.000Z'), []);
  await expectHostLines(rule, cert('2026-06-21T00:00:00.000Z'), [], { host: { certificateWarnDays: 14 } });
});
