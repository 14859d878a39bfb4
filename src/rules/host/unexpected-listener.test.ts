import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './unexpected-listener.js';
import { app, expectHostLines } from '../../testing/host-rules.js';

const listen = (port: number, process: string, unit?: string) => ({ file: 'host:ss -ltnp', proto: 'tcp', address: '127.0.0.1', port, pid: 4242, process, ...(unit ? { unit } : {}) });

test("another process on the application's port (the AirTunes surprise) is reported", async () => {
  const [f] = await expectHostLines(rule, { hostListener: [listen(8000, 'ControlCenter')], hostApp: [app()] }, ['host:ss -ltnp:-']);
  assert.match(f!.message, /ControlCenter.*app\.service/);
  await expectHostLines(rule, { hostListener: [listen(8000, 'gunicorn', 'other.service')], hostApp: [app()] }, ['host:ss -ltnp:-']);
});

test('port 80 / 443 held by something that is not a web server is reported', async () => {
  await expectHostLines(rule, { hostListener: [listen(80, 'python3')], hostApp: [app()] }, ['host:ss -ltnp:-']);
});

test("the application's unit on its port and nginx on 443 pass; unknown owners are not guessed", async () => {
  await expectHostLines(rule, { hostListener: [listen(8000, 'gunicorn', 'app.service'), listen(443, 'nginx', 'nginx.service')], hostApp: [app()] }, []);
  await expectHostLines(rule, { hostListener: [{ file: 'host:ss -ltnp', proto: 'tcp', address: '0.0.0.0', port: 8000 }], hostApp: [app()] }, []);
});
