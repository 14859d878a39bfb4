import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './env-file-permissions.js';
import { app, expectHostLines } from '../../testing/host-rules.js';

const envFile = (mode: number, owner: string, group: string) => ({ path: '/opt/app/.env.production', rel: 'opt/app/.env.production', exists: true, type: 'file', mode, uid: 1002, gid: 1002, owner, group, optional: false, line: 8, column: 17 });

test('group-writable, owned by another account, read by a foreign group: high', async () => {
  const [f] = await expectHostLines(rule, { hostApp: [app({ environmentFiles: [envFile(0o664, 'deploy', 'deploy')] })] }, ['opt/app/.env.production:-']);
  assert.equal(f!.severity, 'high');
  assert.match(f!.message, /writable by group deploy.*owned by deploy.*readable by group deploy/);
});

test('owned by another account but not writable by others: medium', async () => {
  const [f] = await expectHostLines(rule, { hostApp: [app({ environmentFiles: [envFile(0o600, 'deploy', 'deploy')] })] }, ['opt/app/.env.production:-']);
  assert.equal(f!.severity, 'medium');
});

test('600 root:root, 640 root:<service group>, 600 owned by the service user pass', async () => {
  await expectHostLines(rule, { hostApp: [app({ environmentFiles: [envFile(0o600, 'root', 'root')] })] }, []);
  await expectHostLines(rule, { hostApp: [app({ environmentFiles: [envFile(0o640, 'root', 'app')] })] }, []);
  await expectHostLines(rule, { hostApp: [app({ environmentFiles: [envFile(0o600, 'app', 'app')] })] }, []);
});
