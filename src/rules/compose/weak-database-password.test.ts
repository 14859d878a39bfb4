import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './weak-database-password.js';

test('compose/weak-database-password: weak, default, short, placeholder passwords, weak fallbacks and disabled auth', async () => {
  const findings = await expectLines(
    rule,
    {
      'docker-compose.yml': text(
        'services:',
        '  db:',
        '    image: postgres:16',
        '    environment:',
        '      POSTGRES_PASSWORD: postgres',
        '      POSTGRES_HOST_AUTH_METHOD: trust',
        '  mysql:',
        '    image: mysql:8.4',
        '    environment:',
        '      - MYSQL_ROOT_PASSWORD=secure_password',
        '      - MYSQL_PASSWORD=Tr0ub4dor&3',
        '      - MYSQL_ALLOW_EMPTY_PASSWORD=yes',
        '  mongo:',
        '    image: mongo:7',
        '    environment:',
        '      MONGO_INITDB_ROOT_PASSWORD: ${MONGO_PASSWORD:-example}',
      ),
    },
    ['docker-compose.yml:5', 'docker-compose.yml:6', 'docker-compose.yml:10', 'docker-compose.yml:11', 'docker-compose.yml:12', 'docker-compose.yml:16'],
  );
  assert.match(findings[0]!.message, /POSTGRES_PASSWORD is a well-known default/);
  assert.match(findings[3]!.message, /too short \(11 characters; at least 16/);
  assert.match(findings[5]!.message, /fallback of MONGO_INITDB_ROOT_PASSWORD/);
  assert.ok(!findings.some((f) => f.message.includes('secure_password')));
});

test('compose/weak-database-password: strong literals (another rule), references, secret files and MYSQL_RANDOM_ROOT_PASSWORD are fine', async () => {
  await expectLines(
    rule,
    {
      'docker-compose.yml': text(
        'services:',
        '  db:',
        '    image: postgres:16',
        '    environment:',
        '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?required}',
        '      POSTGRES_PASSWORD_FILE: /run/secrets/db_password',
        '  mysql:',
        '    image: mysql:8.4',
        '    environment:',
        '      MYSQL_RANDOM_ROOT_PASSWORD: "yes"',
        '      MYSQL_PASSWORD: ${MYSQL_PASSWORD}',
        '      MYSQL_ALLOW_EMPTY_PASSWORD: "no"',
        '      REDIS_PASSWORD: Xq3vR8mT2pL9wZ5nB7cK4hJ6fD1sA0gE',
      ),
    },
    [],
  );
});

test('compose/weak-database-password: docker-compose.dev.yml is silent for production', async () => {
  await expectLines(rule, { 'docker-compose.dev.yml': text('services:', '  db:', '    environment:', '      POSTGRES_PASSWORD: postgres') }, []);
});
