import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './env-file-missing.js';
import { app, expectHostLines } from '../../testing/host-rules.js';

const envFile = (over: object) => ({ path: '/etc/app/env', rel: 'etc/app/env', exists: false, optional: false, line: 8, column: 17, ...over });

test('a missing EnvironmentFile is high; with the - prefix it is medium', async () => {
  const [f] = await expectHostLines(rule, { hostApp: [app({ environmentFiles: [envFile({})] })] }, ['etc/systemd/system/app.service:8']);
  assert.equal(f!.severity, 'high');
  const [g] = await expectHostLines(rule, { hostApp: [app({ environmentFiles: [envFile({ optional: true })] })] }, ['etc/systemd/system/app.service:8']);
  assert.equal(g!.severity, 'medium');
});

test('an existing file, or one that could not be examined (permission), is not "missing"', async () => {
  await expectHostLines(rule, { hostApp: [app({ environmentFiles: [envFile({ exists: true, type: 'file', mode: 0o600 })] })] }, []);
  await expectHostLines(rule, { hostApp: [app({ environmentFiles: [envFile({ error: 'permission denied' })] })] }, []);
});
