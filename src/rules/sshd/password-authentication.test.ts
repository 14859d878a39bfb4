import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './password-authentication.js';

test('sshd/password-authentication: yes (first value wins), and unset with the unsafe default', async () => {
  const f = await expectLines(
    rule,
    {
      'deploy/ssh/sshd_config': text('Port 22', 'PasswordAuthentication yes', 'PasswordAuthentication no'),
      'other/sshd_config': text('Port 22', 'PermitRootLogin no'),
    },
    ['deploy/ssh/sshd_config:2', 'other/sshd_config:1'],
  );
  assert.equal(f[0]!.severity, 'high');
  assert.equal(f[1]!.severity, 'medium');
  assert.match(f[1]!.message, /default is yes/);
});

test('sshd/password-authentication: inside a Match block it is one severity lower and names the block; "Match all" is global', async () => {
  const f = await expectLines(
    rule,
    {
      'a/sshd_config': text('PasswordAuthentication no', 'Match Address 10.0.0.0/8', '    PasswordAuthentication yes'),
      'b/sshd_config': text('PasswordAuthentication=no', 'Match all', 'PasswordAuthentication yes'),
    },
    ['a/sshd_config:3'],
  );
  assert.equal(f[0]!.severity, 'medium');
  assert.match(f[0]!.message, /Match Address 10\.0\.0\.0\/8/);
});

test('sshd/password-authentication: a drop-in in the repository decides before the main file; an include outside the repository makes unset low', async () => {
  const f = await expectLines(
    rule,
    {
      'ssh/sshd_config': text('Include /etc/ssh/sshd_config.d/*.conf', 'PasswordAuthentication no'),
      'ssh/sshd_config.d/50-cloud-init.conf': text('PasswordAuthentication yes'),
      'img/sshd_config': text('Include /etc/ssh/sshd_config.d/*.conf', 'PermitRootLogin no'),
    },
    ['img/sshd_config:1', 'ssh/sshd_config.d/50-cloud-init.conf:1'],
  );
  assert.equal(f[0]!.severity, 'low');
  assert.equal(f[1]!.severity, 'high');
});

test('sshd/password-authentication: keyboard-interactive with UsePAM is medium; "no" everywhere is silent', async () => {
  await expectLines(rule, { sshd_config: text('UsePAM yes', 'KbdInteractiveAuthentication yes', 'PasswordAuthentication no') }, ['sshd_config:2']);
  await expectLines(rule, { sshd_config: text('UsePAM yes', 'KbdInteractiveAuthentication no', 'PasswordAuthentication no  # keys only') }, []);
});
