import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './debug-enabled.js';

test('docker/debug-enabled: debug switches and development environment names in the final image are reported at the key', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text('FROM python:3.12', 'ENV FLASK_APP=app.py \\', '    FLASK_DEBUG=1', 'ENV FLASK_ENV=development', 'ENV DISABLE_WTF_CSRF=true NODE_TLS_REJECT_UNAUTHORIZED=0'),
      // inherited from the stage the final one builds on
      'b/Dockerfile': text('FROM node:20 AS base', 'ENV NODE_ENV=development', 'FROM base', 'CMD ["node", "s.js"]'),
    },
    ['Dockerfile:3', 'Dockerfile:4', 'Dockerfile:5', 'Dockerfile:5', 'b/Dockerfile:2'],
  );
});

test('docker/debug-enabled: production values, builder-only settings, overridden values and references are fine', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text('FROM node:20 AS build', 'ENV NODE_ENV=development', 'RUN npm ci && npm run build', 'FROM node:20-slim', 'ENV NODE_ENV=production DEBUG=0', 'COPY --from=build /app/dist /app'),
      'b/Dockerfile': text('FROM python:3.12 AS base', 'ENV DEBUG=true', 'FROM base', 'ENV DEBUG=false FLASK_ENV=${FLASK_ENV}'),
    },
    [],
  );
});

test('docker/debug-enabled: Dockerfile.dev is silent for production', async () => {
  await expectLines(rule, { 'Dockerfile.dev': text('FROM python:3.12', 'ENV FLASK_DEBUG=1') }, []);
});
