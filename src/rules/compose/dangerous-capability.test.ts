import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './dangerous-capability.js';

test('compose/dangerous-capability: SYS_ADMIN / ALL are high, NET_ADMIN medium', async () => {
  const findings = await expectLines(
    rule,
    { 'docker-compose.yml': text('services:', '  vpn:', '    image: acme/vpn:1', '    cap_add:', '      - NET_ADMIN', '      - CAP_SYS_ADMIN', '  x:', '    cap_add: [ALL]') },
    ['docker-compose.yml:5', 'docker-compose.yml:6', 'docker-compose.yml:8'],
  );
  assert.deepEqual(findings.map((f) => f.severity), ['medium', 'high', 'high']);
});

test('compose/dangerous-capability: narrow capabilities are fine', async () => {
  await expectLines(rule, { 'docker-compose.yml': text('services:', '  web:', '    cap_drop: [ALL]', '    cap_add: [NET_BIND_SERVICE, CHOWN]') }, []);
});

test('compose/dangerous-capability: docker-compose.dev.yml is silent for production', async () => {
  await expectLines(rule, { 'docker-compose.dev.yml': text('services:', '  web:', '    cap_add: [SYS_PTRACE]') }, []);
});
