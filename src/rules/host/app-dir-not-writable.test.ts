import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './app-dir-not-writable.js';
import { app, expectHostLines } from '../../testing/host-rules.js';

const dir = (over: object) => ({ path: '/var/log/app', rel: 'var/log/app', exists: true, type: 'dir', mode: 0o750, uid: 998, gid: 998, owner: 'app', group: 'app', purpose: 'log', from: 'MKS_LOG_DIR', file: 'etc/app/env', line: 6, ...over });

test('a directory owned by root that the service user cannot write is reported where it is named', async () => {
  const [f] = await expectHostLines(rule, { hostApp: [app({ dirs: [dir({ owner: 'root', group: 'root', mode: 0o755 })] })] }, ['etc/app/env:6']);
  assert.match(f!.message, /cannot write its logs/);
});

test('a missing directory and a world-writable one are reported; world-writable is high', async () => {
  await expectHostLines(rule, { hostApp: [app({ dirs: [dir({ exists: false })] })] }, ['etc/app/env:6']);
  const [f] = await expectHostLines(rule, { hostApp: [app({ dirs: [dir({ mode: 0o777 })] })] }, ['etc/app/env:6']);
  assert.equal(f!.severity, 'high');
});

test('owned by the service user, group-writable for its group, or sticky /tmp-like: fine', async () => {
  await expectHostLines(rule, { hostApp: [app({ dirs: [dir({})] })] }, []);
  await expectHostLines(rule, { hostApp: [app({ dirs: [dir({ owner: 'root', group: 'app', mode: 0o770 })] })] }, []);
  await expectHostLines(rule, { hostApp: [app({ dirs: [dir({ owner: 'root', group: 'root', mode: 0o1777 })] })] }, []);
});
