import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './missing-hardening.js';

test('systemd/missing-hardening: one finding listing what is missing (low for most, info for a few)', async () => {
  const f = await expectLines(
    rule,
    {
      'a.service': text('[Unit]', 'Description=a', '[Service]', 'User=a', 'ExecStart=/usr/bin/a'),
      'b.service': text('[Service]', 'User=b', 'ProtectSystem=full', 'PrivateTmp=true', 'SystemCallFilter=@system-service', 'ExecStart=/usr/bin/b'),
    },
    ['a.service:3', 'b.service:1'],
  );
  assert.equal(f[0]!.severity, 'low');
  assert.match(f[0]!.message, /NoNewPrivileges=yes, ProtectSystem=strict, ProtectHome=yes, PrivateTmp=yes/);
  assert.equal(f[1]!.severity, 'info');
  assert.match(f[1]!.message, /: ProtectHome=yes$/);
});

test('systemd/missing-hardening: the four settings, or DynamicUser=yes, are silent', async () => {
  await expectLines(
    rule,
    {
      'a.service': text('[Service]', 'NoNewPrivileges=true', 'ProtectSystem=strict', 'ProtectHome=read-only', 'PrivateTmp=yes', 'ExecStart=/usr/bin/a'),
      'b.service': text('[Service]', 'DynamicUser=yes', 'ExecStart=/usr/bin/b'),
    },
    [],
  );
});
