import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './docker-socket-mount.js';

test('compose/docker-socket-mount: short and long volume syntax, read-only too', async () => {
  await expectLines(
    rule,
    {
      'docker-compose.yml': text(
        'services:',
        '  proxy:',
        '    image: traefik:v3.1',
        '    volumes:',
        '      - /var/run/docker.sock:/var/run/docker.sock:ro',
        '  ci:',
        '    image: acme/runner:1',
        '    volumes:',
        '      - type: bind',
        '        source: /run/docker.sock',
        '        target: /var/run/docker.sock',
      ),
    },
    ['docker-compose.yml:5', 'docker-compose.yml:9'],
  );
});

test('compose/docker-socket-mount: ordinary volumes are fine', async () => {
  await expectLines(rule, { 'docker-compose.yml': text('services:', '  web:', '    image: acme/web:1', '    volumes:', '      - ./logs:/app/logs', '      - data:/var/lib/data', '      - /var/run/app:/run/app') }, []);
});

test('compose/docker-socket-mount: docker-compose.dev.yml is silent for production', async () => {
  await expectLines(rule, { 'docker-compose.dev.yml': text('services:', '  web:', '    volumes:', '      - /var/run/docker.sock:/var/run/docker.sock') }, []);
});
