import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './security-updates-pending.js';
import { expectHostLines } from '../../testing/host-rules.js';

const updates = (security: object[]) => ({ hostUpdates: [{ file: 'var/lib/apt/lists', security, lists: ['var/lib/apt/lists/x_Packages'] }] });

test('pending security updates are reported with the package names', async () => {
  const [f] = await expectHostLines(rule, updates([{ name: 'openssh-server', installed: '1:8.2p1-4ubuntu0.5', candidate: '1:8.2p1-4ubuntu0.11' }]), ['var/lib/apt/lists:-']);
  assert.match(f!.message, /1 package\(s\).*openssh-server/);
});

test('no pending security update: nothing', async () => {
  await expectHostLines(rule, updates([]), []);
});
