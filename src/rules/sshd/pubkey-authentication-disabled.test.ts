import { test } from 'node:test';
import rule from './pubkey-authentication-disabled.js';
import { expectLines, text } from '../../testing/harness.js';

test('PubkeyAuthentication no is reported', async () => {
  await expectLines(rule, { 'etc/ssh/sshd_config': text('PermitRootLogin no', 'PubkeyAuthentication no') }, ['etc/ssh/sshd_config:2']);
});

test('yes, unset (the default is yes) and a drop-in that sorts first pass', async () => {
  await expectLines(rule, { 'etc/ssh/sshd_config': text('PubkeyAuthentication yes') }, []);
  await expectLines(rule, { 'etc/ssh/sshd_config': text('PasswordAuthentication no') }, []);
  await expectLines(rule, { 'etc/ssh/sshd_config': text('Include /etc/ssh/sshd_config.d/*.conf', 'PubkeyAuthentication no'), 'etc/ssh/sshd_config.d/00-keys.conf': text('PubkeyAuthentication yes') }, []);
});
