import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './debug-enabled.js';

const FILE = text(
  'services:',
  '  web:',
  '    environment:',
  '      FLASK_DEBUG: 1',
  '      FLASK_ENV: development',
  '      DEBUG: ${DEBUG:-true}',
  '      NODE_ENV: production',
  '  api:',
  '    environment:',
  '      - DJANGO_DEBUG=True',
  '      - ALLOW_DB_RESET=1',
  '      - RAILS_ENV=${RAILS_ENV:-production}',
);

test('compose/debug-enabled: debug switches, development env names, dangerous switches and debug fallbacks (map and list forms)', async () => {
  await expectLines(rule, { 'docker-compose.yml': FILE }, ['docker-compose.yml:4', 'docker-compose.yml:5', 'docker-compose.yml:6', 'docker-compose.yml:10', 'docker-compose.yml:11']);
  await expectLines(rule, { 'docker-compose.prod.yml': FILE }, ['docker-compose.prod.yml:4', 'docker-compose.prod.yml:5', 'docker-compose.prod.yml:6', 'docker-compose.prod.yml:10', 'docker-compose.prod.yml:11']);
});

test('compose/debug-enabled: production values and references without debug fallback are fine', async () => {
  await expectLines(rule, { 'docker-compose.yml': text('services:', '  web:', '    environment:', '      DEBUG: "false"', '      FLASK_ENV: production', '      APP_ENV: ${APP_ENV:?required}', '      NODE_ENV: ${NODE_ENV}') }, []);
});

test('compose/debug-enabled: environment twins — docker-compose.dev.yml and compose.override.yml are silent for production', async () => {
  await expectLines(rule, { 'docker-compose.dev.yml': FILE, 'compose.override.yml': FILE, 'docker-compose.staging.yml': text('services:', '  w:', '    environment:', '      - DEBUG=1') }, []);
  await expectLines(rule, { 'docker-compose.staging.yml': text('services:', '  w:', '    environment:', '      - DEBUG=1') }, ['docker-compose.staging.yml:4'], { environment: 'staging' });
});
