import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './root-user.js';

test('compose/root-user: user root / 0 / 0:0 are reported', async () => {
  await expectLines(rule, { 'docker-compose.yml': text('services:', '  a:', '    user: root', '  b:', '    user: "0:0"', '  c:', '    user: 0') }, ['docker-compose.yml:3', 'docker-compose.yml:5', 'docker-compose.yml:7']);
});

test('compose/root-user: unprivileged users and group 0 are fine', async () => {
  await expectLines(rule, { 'docker-compose.yml': text('services:', '  a:', '    user: "10001:10001"', '  b:', '    user: "1000:0"', '  c:', '    user: app') }, []);
});

test('compose/root-user: docker-compose.dev.yml is silent for production', async () => {
  await expectLines(rule, { 'docker-compose.dev.yml': text('services:', '  a:', '    user: root') }, []);
});
