import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './host-namespace.js';

test('compose/host-namespace: network_mode / pid / ipc host with per-namespace severity', async () => {
  const findings = await expectLines(
    rule,
    { 'docker-compose.yml': text('services:', '  mon:', '    image: acme/mon:1', '    network_mode: host', '    pid: host', '    ipc: "host"') },
    ['docker-compose.yml:4', 'docker-compose.yml:5', 'docker-compose.yml:6'],
  );
  assert.deepEqual(findings.map((f) => f.severity), ['medium', 'high', 'medium']);
});

test('compose/host-namespace: bridge networks and service namespaces are fine', async () => {
  await expectLines(rule, { 'docker-compose.yml': text('services:', '  a:', '    network_mode: bridge', '  b:', '    network_mode: "service:a"', '    pid: "service:a"') }, []);
});

test('compose/host-namespace: docker-compose.dev.yml is silent for production', async () => {
  await expectLines(rule, { 'docker-compose.dev.yml': text('services:', '  a:', '    network_mode: host') }, []);
});
