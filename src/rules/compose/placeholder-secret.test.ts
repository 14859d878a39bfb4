import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './placeholder-secret.js';

test('compose/placeholder-secret: placeholders and placeholder fallbacks are reported', async () => {
  await expectLines(
    rule,
    {
      'docker-compose.yml': text(
        'services:',
        '  web:',
        '    environment:',
        '      - OPENAI_API_KEY=your_openai_api_key_here',
        '      - SECRET_KEY=changeme',
        '      - SMTP_PASSWORD=${SMTP_PASSWORD:-your_smtp_password}',
        '      - JWT_SECRET=<jwt-secret>',
      ),
    },
    ['docker-compose.yml:4', 'docker-compose.yml:5', 'docker-compose.yml:6', 'docker-compose.yml:7'],
  );
});

test('compose/placeholder-secret: real references, empty pass-through, non-secret keys and DB passwords (own rule) are silent', async () => {
  await expectLines(
    rule,
    {
      'docker-compose.yml': text('services:', '  web:', '    environment:', '      SECRET_KEY: ${SECRET_KEY:?required}', '      API_KEY:', '      GREETING: your_name_here', '      POSTGRES_PASSWORD: changeme'),
    },
    [],
  );
});

test('compose/placeholder-secret: docker-compose.dev.yml is silent for production', async () => {
  await expectLines(rule, { 'docker-compose.dev.yml': text('services:', '  web:', '    environment:', '      - API_KEY=changeme') }, []);
});
