import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './expected-port-closed.js';
import { app, expectHostLines } from '../../testing/host-rules.js';

test("nothing on the application's port is reported at the bind", async () => {
  const [f] = await expectHostLines(rule, { hostListener: [{ file: 'host:ss -ltnp', proto: 'tcp', address: '0.0.0.0', port: 443, process: 'nginx' }], hostApp: [app()] }, ['etc/systemd/system/app.service:9']);
  assert.match(f!.message, /502/);
});

test('a listener on the port passes', async () => {
  await expectHostLines(rule, { hostListener: [{ file: 'host:ss -ltnp', proto: 'tcp', address: '127.0.0.1', port: 8000 }], hostApp: [app()] }, []);
});
