import { test } from 'node:test';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './empty-passwords.js';

test('sshd/empty-passwords: yes is reported (also in a standalone drop-in), no and unset are silent', async () => {
  await expectLines(
    rule,
    {
      'a/sshd_config': text('PermitEmptyPasswords yes'),
      'b/sshd_config.d/10-x.conf': text('permitemptypasswords=yes'),
      'c/sshd_config': text('PermitEmptyPasswords no'),
      'd/sshd_config': text('Port 2222'),
    },
    ['a/sshd_config:1', 'b/sshd_config.d/10-x.conf:1'],
  );
});
