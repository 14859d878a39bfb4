import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './certificate-renewal-unscheduled.js';
import { expectHostLines } from '../../testing/host-rules.js';

const certs = { hostCertificate: [{ file: 'etc/letsencrypt/live/a/fullchain.pem', path: '/etc/letsencrypt/live/a/fullchain.pem', exists: true, letsencrypt: true }] };
const timer = (enabled: boolean) => ({ file: 'lib/systemd/system/certbot.timer', line: 5, kind: 'timer', when: 'OnCalendar=*-*-* 00,12:00:00', program: 'certbot.timer', purposes: ['cert-renew'], enabled });

test("Let's Encrypt certificates without an enabled renewal are reported", async () => {
  await expectHostLines(rule, { ...certs, hostSchedule: [] }, ['etc/letsencrypt/live/a/fullchain.pem:-']);
  await expectHostLines(rule, { ...certs, hostSchedule: [timer(false)] }, ['etc/letsencrypt/live/a/fullchain.pem:-']);
});

test('an enabled certbot timer, or no certificate, passes', async () => {
  await expectHostLines(rule, { ...certs, hostSchedule: [timer(true)] }, []);
  await expectHostLines(rule, { hostCertificate: [], hostSchedule: [] }, []);
  assert.ok(true);
});
