import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './certificate-expiry-unmonitored.js';
import { cron, expectHostLines } from '../../testing/host-rules.js';

const certs = { hostCertificate: [{ file: 'etc/letsencrypt/live/a/fullchain.pem', path: '/x', exists: true, letsencrypt: true }] };

test('certificates without a scheduled expiry check are reported', async () => {
  const [f] = await expectHostLines(rule, { ...certs, hostSchedule: [cron(['cert-renew'])] }, ['etc/cron.d:-']);
  assert.match(f!.message, /1 certificate/);
});

test('a weekly certbot certificates report passes; no certificate, nothing to monitor', async () => {
  await expectHostLines(rule, { ...certs, hostSchedule: [cron(['cert-expiry'])] }, []);
  await expectHostLines(rule, { hostCertificate: [], hostSchedule: [] }, []);
});
