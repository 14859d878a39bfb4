import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './listener-exposed.js';
import { expectHostLines } from '../../testing/host-rules.js';

const listen = (address: string, port: number, process = 'gunicorn') => ({ file: 'host:ss -ltnp', proto: 'tcp', address, port, pid: 42, process });
const noFirewall = { hostFirewall: [] };
const ufw = (allows: object[]) => ({ hostFirewall: [{ file: 'etc/ufw/ufw.conf', kind: 'ufw', enabled: true, defaultDeny: true, allows }] });

test('a service on 0.0.0.0 with no firewall is reachable; a database is high', async () => {
  const fs = await expectHostLines(rule, { hostListener: [listen('0.0.0.0', 8000), listen('::', 6379, 'redis-server')], ...noFirewall }, ['host:ss -ltnp:-', 'host:ss -ltnp:-']);
  assert.deepEqual(fs.map((f) => f.severity).sort(), ['high', 'medium']);
});

test('loopback, allowed ports, and ports a default-deny firewall does not open pass', async () => {
  await expectHostLines(rule, { hostListener: [listen('127.0.0.1', 8000), listen('0.0.0.0', 443, 'nginx')], ...noFirewall }, []);
  await expectHostLines(rule, { hostListener: [listen('0.0.0.0', 8000)], ...ufw([]) }, []);
});

test('behind a firewall that opens the port it is still exposed', async () => {
  await expectHostLines(rule, { hostListener: [listen('0.0.0.0', 8000)], ...ufw([{ port: 8000, proto: 'tcp', from: 'any', file: 'etc/ufw/user.rules', line: 5 }]) }, ['host:ss -ltnp:-']);
  assert.ok(true);
});
