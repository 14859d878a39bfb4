import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './unpinned-image.js';

test('compose/unpinned-image: untagged and latest images are reported at the image', async () => {
  await expectLines(
    rule,
    { 'docker-compose.yml': text('services:', '  db:', '    image: postgres', '  cache:', '    image: "redis:latest"', '  web:', '    image: ${REGISTRY:-ghcr.io/acme}/web') },
    ['docker-compose.yml:3', 'docker-compose.yml:5', 'docker-compose.yml:7'],
  );
});

test('compose/unpinned-image: versions, digests, built images and unknown variables are fine', async () => {
  await expectLines(
    rule,
    {
      'docker-compose.yml': text(
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '  cache:',
        '    image: redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        '  web:',
        '    build: .',
        '    image: acme/web',
        '  api:',
        '    image: acme/api:${TAG}',
      ),
    },
    [],
  );
});

test('compose/unpinned-image: docker-compose.dev.yml is silent for production', async () => {
  await expectLines(rule, { 'docker-compose.dev.yml': text('services:', '  db:', '    image: postgres') }, []);
});
