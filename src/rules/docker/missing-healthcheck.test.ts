import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './missing-healthcheck.js';

test('docker/missing-healthcheck: no HEALTHCHECK in the final stage (at its FROM), and HEALTHCHECK NONE (at that line)', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text('FROM node:20 AS build', 'HEALTHCHECK CMD true', 'FROM node:20-slim', 'CMD ["node", "s.js"]'),
      'b/Dockerfile': text('FROM python:3.12', 'HEALTHCHECK CMD curl -f http://localhost/ || exit 1', 'HEALTHCHECK NONE'),
    },
    ['Dockerfile:3', 'b/Dockerfile:3'],
  );
});

test('docker/missing-healthcheck: a HEALTHCHECK (own or inherited from a stage) or a compose healthcheck for the service that builds it is enough', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text('FROM python:3.12', 'HEALTHCHECK --interval=30s \\', '  CMD curl -fsS http://localhost:8000/health || exit 1'),
      'b/Dockerfile': text('FROM python:3.12 AS base', 'HEALTHCHECK CMD true', 'FROM base'),
      'svc/docker/Dockerfile.prod': text('FROM python:3.12', 'CMD ["gunicorn", "app:app"]'),
      'svc/docker-compose.yml': text(
        'services:',
        '  app:',
        '    build:',
        '      context: .',
        '      dockerfile: docker/Dockerfile.prod',
        '    healthcheck:',
        '      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]',
      ),
    },
    [],
  );
});

test('docker/missing-healthcheck: a compose healthcheck that is disabled does not count; Dockerfile.dev is silent for production', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text('FROM python:3.12', 'CMD ["gunicorn", "app:app"]'),
      'docker-compose.yml': text('services:', '  app:', '    build: .', '    healthcheck:', '      disable: true'),
      'Dockerfile.dev': text('FROM python:3.12', 'CMD ["flask", "run"]'),
    },
    ['Dockerfile:1'],
  );
});
