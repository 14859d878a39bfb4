import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './secret-in-plain-environment.js';

test('contract/secret-in-plain-environment: compose environment interpolating secrets from the host (literals are compose/secret-in-environment\'s)', async () => {
  await expectLines(
    rule,
    {
      'docker-compose.yml': text(
        'services:',
        '  web:',
        '    image: app',
        '    environment:',
        '      - DB_PASSWORD=${DB_PASSWORD}',
        '      - STRIPE_API_KEY=sk_live_abcdefghijklmnop',
        '      - DB_HOST=db',
      ),
    },
    ['docker-compose.yml:5'],
  );
});

test('contract/secret-in-plain-environment: compose secrets, other environments and Dockerfiles (own rule) are silent', async () => {
  await expectLines(
    rule,
    {
      'docker-compose.yml': text(
        'services:',
        '  web:',
        '    image: app',
        '    environment:',
        '      DB_PASSWORD_FILE: /run/secrets/db_password',
        '    secrets: [db_password]',
        'secrets:',
        '  db_password:',
        '    file: ./secrets/db_password.txt',
      ),
      'docker-compose.dev.yml': text('services:', '  web:', '    environment:', '      DB_PASSWORD: devpass'),
      'Dockerfile': text('FROM node:20', 'ENV API_TOKEN=abc'),
    },
    [],
  );
});
