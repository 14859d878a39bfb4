import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scan } from '../../commands/scan.js';
import { expectLines, text } from '../../testing/harness.js';
import rule from './privileged.js';

test('compose/privileged: privileged: true and unconfined security_opt are reported', async () => {
  await expectLines(
    rule,
    { 'docker-compose.yml': text('services:', '  agent:', '    image: acme/agent:2', '    privileged: true', '    security_opt:', '      - seccomp:unconfined', '      - no-new-privileges:true', '      - apparmor=unconfined') },
    ['docker-compose.yml:4', 'docker-compose.yml:6', 'docker-compose.yml:8'],
  );
});

test('compose/privileged: privileged: false and hardening options are fine', async () => {
  await expectLines(rule, { 'docker-compose.yml': text('services:', '  web:', '    image: acme/web:2', '    privileged: false', '    security_opt: ["no-new-privileges:true"]') }, []);
});

test('compose/privileged: docker-compose.dev.yml is silent for production', async () => {
  await expectLines(rule, { 'docker-compose.dev.yml': text('services:', '  web:', '    privileged: true') }, []);
});

test('compose/privileged: a malformed compose file is a parse error with its line; other compose files are still judged', async () => {
  const { report } = await scan({
    files: [
      { path: 'broken/docker-compose.yml', content: text('services:', '  web:', '    image: nginx:1.27', '    ports: ["80:80"', '    privileged: true') },
      { path: 'dup/compose.yaml', content: text('services:', '  web:', '    image: a:1', '    image: b:1') },
      { path: 'docker-compose.yml', content: text('services:', '  agent:', '    privileged: true') },
    ],
    rules: [rule],
    config: {},
  });
  assert.deepEqual(report.findings.map((f) => `${f.file}:${f.line}`), ['docker-compose.yml:3']);
  assert.deepEqual(report.errors.map((e) => `${e.kind} ${e.file}:${e.line}`).sort(), ['parse broken/docker-compose.yml:5', 'parse dup/compose.yaml:4']);
});
