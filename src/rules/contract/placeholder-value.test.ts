import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './placeholder-value.js';

test('contract/placeholder-value: placeholders in a production compose file; high when the code reads it; secret names are compose/placeholder-secret\'s', async () => {
  const f = await expectLines(
    rule,
    {
      'app.js': text('const user = process.env.SMTP_USERNAME;', 'const url = process.env.API_URL;'),
      'docker-compose.prod.yml': text(
        'services:',
        '  web:',
        '    image: app',
        '    environment:',
        '      SMTP_USERNAME: your_smtp_username',
        '      SMTP_PASSWORD: changeme',
        '      BANNER_TEXT: <banner text here>',
        '      API_URL: ""',
        '      LOG_FORMAT: default',
      ),
    },
    ['docker-compose.prod.yml:5', 'docker-compose.prod.yml:7', 'docker-compose.prod.yml:8'],
  );
  assert.deepEqual(f.map((x) => x.severity), ['high', 'medium', 'high']);
  assert.match(f[2]!.message, /API_URL is set to an empty string/);
});

test('contract/placeholder-value: systemd Environment= placeholders (no own rule), secret or not', async () => {
  await expectLines(
    rule,
    {
      'deploy/app.service': text('[Service]', 'Environment=MAIL_DOMAIN=your_mail_domain API_TOKEN=<token>', 'ExecStart=/usr/bin/node /srv/app/server.js'),
    },
    ['deploy/app.service:2', 'deploy/app.service:2'],
  );
});

test('contract/placeholder-value: env files and ECS task definitions are left to their own rules; the development twin is silent', async () => {
  await expectLines(
    rule,
    {
      '.env.production': text('SMTP_PASSWORD=your_smtp_password'),
      'docker-compose.dev.yml': text('services:', '  web:', '    image: app', '    environment:', '      SMTP_PASSWORD: changeme'),
      'docker-compose.yml': text('services:', '  web:', '    image: app', '    env_file: .env.production', '    environment:', '      SMTP_HOST: smtp.example.com'),
    },
    [],
  );
});
