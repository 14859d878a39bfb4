import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './app-bound-publicly.js';
import { app, expectHostLines } from '../../testing/host-rules.js';

const bind = (host: string, port?: number, socket?: string) => ({ host, ...(port ? { port } : {}), ...(socket ? { socket } : {}), file: 'opt/app/.env.production', line: 5 });

test('0.0.0.0 is reported at the line that sets it', async () => {
  const [f] = await expectHostLines(rule, { hostApp: [app({ binds: [bind('0.0.0.0', 8000)] })] }, ['opt/app/.env.production:5']);
  assert.equal(f!.severity, 'medium');
});

test('a specific non-loopback address is low', async () => {
  const [f] = await expectHostLines(rule, { hostApp: [app({ binds: [bind('10.0.0.5', 8000)] })] }, ['opt/app/.env.production:5']);
  assert.equal(f!.severity, 'low');
});

test('127.0.0.1, ::1 and unix sockets pass', async () => {
  await expectHostLines(rule, { hostApp: [app({ binds: [bind('127.0.0.1', 8000), bind('::1', 8001), bind('unix', undefined, '/run/app.sock')] })] }, []);
});
