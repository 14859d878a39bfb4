import { test } from 'node:test';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './root-login.js';

test('sshd/root-login: PermitRootLogin yes globally and inside Match', async () => {
  await expectLines(
    rule,
    {
      'a/sshd_config': text('PermitRootLogin yes'),
      'b/sshd_config': text('PermitRootLogin no', 'Match User root Address 192.168.1.10', '  PermitRootLogin yes'),
    },
    ['a/sshd_config:1', 'b/sshd_config:3'],
  );
});

test('sshd/root-login: prohibit-password, without-password, no and unset are silent', async () => {
  await expectLines(
    rule,
    {
      'a/sshd_config': text('PermitRootLogin prohibit-password'),
      'b/sshd_config': text('PermitRootLogin without-password'),
      'c/sshd_config': text('PermitRootLogin no'),
      'd/sshd_config': text('Port 22'),
    },
    [],
  );
});
