import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './secret-file-copied.js';

test('docker/secret-file-copied: env files, keys and credential files copied into the final image are critical', async () => {
  const findings = await expectLines(
    rule,
    {
      Dockerfile: text('FROM python:3.12-slim', 'COPY .env.production /app/.env', 'COPY certs/server.key /etc/ssl/', 'ADD id_rsa /root/.ssh/id_rsa', 'COPY .env* /app/', 'COPY ["config/credentials.json", "/app/"]'),
    },
    ['Dockerfile:2', 'Dockerfile:3', 'Dockerfile:4', 'Dockerfile:5', 'Dockerfile:6'],
  );
  assert.ok(findings.every((f) => f.severity === 'critical'));
});

test('docker/secret-file-copied: in a builder stage that the final image does not build on it is medium', async () => {
  const findings = await expectLines(
    rule,
    { Dockerfile: text('FROM node:20 AS build', 'COPY .npmrc package.json ./', 'RUN npm ci && rm .npmrc', 'FROM node:20-slim', 'COPY --from=build /app /app') },
    ['Dockerfile:2'],
  );
  assert.equal(findings[0]!.severity, 'medium');
  assert.match(findings[0]!.message, /stage "build"/);
});

test('docker/secret-file-copied: templates, public keys and stage copies are fine', async () => {
  await expectLines(
    rule,
    { Dockerfile: text('FROM python:3.12', 'COPY .env.example /app/.env.example', 'COPY id_rsa.pub /root/.ssh/authorized_keys', 'COPY --from=build /app/.env /tmp/x', 'COPY app.py settings.py /app/') },
    [],
  );
});

test('docker/secret-file-copied: Dockerfile.dev is silent for production', async () => {
  await expectLines(rule, { 'Dockerfile.dev': text('FROM python:3.12', 'COPY .env /app/.env') }, []);
});
