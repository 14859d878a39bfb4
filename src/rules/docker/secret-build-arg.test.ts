import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './secret-build-arg.js';

test('docker/secret-build-arg: secret-named stage ARGs without a literal (a global one only where a stage redeclares it) and ENV copies of variables are reported', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text(
        'ARG GITHUB_TOKEN',
        'FROM node:20 AS build',
        'ARG NPM_TOKEN',
        'ARG GITHUB_TOKEN',
        'RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci',
        'FROM node:20-slim',
        'ARG API_KEY',
        'ENV API_KEY=$API_KEY NODE_ENV=production',
      ),
    },
    ['Dockerfile:3', 'Dockerfile:4', 'Dockerfile:7', 'Dockerfile:8'],
  );
});

test('docker/secret-build-arg: BuildKit secret mounts, non-secret args and literal values (another rule) are silent', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text(
        'ARG PYTHON_VERSION=3.12',
        'FROM python:${PYTHON_VERSION}',
        'ARG APP_VERSION',
        'RUN --mount=type=secret,id=pip_token PIP_TOKEN=$(cat /run/secrets/pip_token) pip install -r requirements.txt',
        'ENV SECRET_KEY_FILE=/run/secrets/secret_key',
        'ENV DB_PASSWORD_FILE=$SECRETS_DIR/db',
      ),
    },
    [],
  );
});

test('docker/secret-build-arg: Dockerfile.dev is silent for production', async () => {
  await expectLines(rule, { 'Dockerfile.dev': text('FROM node:20', 'ARG NPM_TOKEN') }, []);
});
