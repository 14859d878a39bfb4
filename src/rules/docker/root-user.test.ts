import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scan } from '../../commands/scan.js';
import { expectLines, text } from '../../testing/harness.js';
import rule from './root-user.js';

test('docker/root-user: no USER in the final stage is reported at its FROM (medium)', async () => {
  const findings = await expectLines(rule, { Dockerfile: text('FROM python:3.12-slim', 'WORKDIR /app', 'COPY . .', 'CMD ["gunicorn", "app:app"]') }, ['Dockerfile:1']);
  assert.equal(findings[0]!.severity, 'medium');
});

test('docker/root-user: USER root, USER 0 and USER root:root are reported at the USER line (high)', async () => {
  const findings = await expectLines(
    rule,
    {
      Dockerfile: text('FROM python:3.12-slim', 'RUN useradd app', 'USER app', 'RUN echo hi', 'USER root', 'CMD ["python", "-V"]'),
      'a/Dockerfile': text('FROM node:20', 'USER 0', 'CMD ["node", "s.js"]'),
      'b/Dockerfile': text('FROM node:20', 'USER root:root'),
    },
    ['Dockerfile:5', 'a/Dockerfile:2', 'b/Dockerfile:2'],
  );
  assert.ok(findings.every((f) => f.severity === 'high'));
});

test('docker/root-user: root only in a builder stage, a non-root final USER, numeric uid and nonroot images are fine', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text('FROM node:20 AS build', 'USER root', 'RUN npm ci', 'FROM node:20-slim', 'COPY --from=build /app /app', 'USER node', 'CMD ["node", "/app/s.js"]'),
      'b/Dockerfile': text('FROM python:3.12', 'USER 10001:0'),
      'c/Dockerfile': text('FROM gcr.io/distroless/python3-debian12:nonroot', 'COPY app.py /app.py'),
      'd/Dockerfile': text('FROM alpine:3.20', 'ENTRYPOINT ["su-exec", "app", "/srv/run"]'),
      'e/Dockerfile': text('ARG APP_UID=10001', 'FROM alpine:3.20', 'ARG APP_UID', 'USER ${APP_UID}'),
    },
    [],
  );
});

test('docker/root-user: a final stage built FROM an earlier stage inherits its USER', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text('FROM python:3.12 AS base', 'USER root', 'FROM base AS final', 'CMD ["python", "-V"]'),
      'ok/Dockerfile': text('FROM python:3.12 AS base', 'USER app', 'FROM base', 'CMD ["python", "-V"]'),
      'var/Dockerfile': text('ARG RUN_AS=root', 'FROM python:3.12', 'ARG RUN_AS', 'USER $RUN_AS'),
    },
    ['Dockerfile:2', 'var/Dockerfile:4'],
  );
});

test('docker/root-user: a compose service that builds the image with an unprivileged user: counts; user: root or another Dockerfile does not', async () => {
  await expectLines(
    rule,
    {
      'app/Dockerfile': text('FROM python:3.12', 'CMD ["gunicorn", "app:app"]'),
      'worker/Dockerfile': text('FROM python:3.12', 'CMD ["celery", "worker"]'),
      'docker-compose.yml': text('services:', '  app:', '    build: ./app', '    user: "10001:10001"', '  worker:', '    build: ./worker', '    user: root'),
    },
    ['worker/Dockerfile:1'],
  );
});

test('docker/root-user: a development Dockerfile is silent for production', async () => {
  await expectLines(rule, { 'Dockerfile.dev': text('FROM python:3.12', 'CMD ["flask", "run"]') }, []);
  await expectLines(rule, { 'Dockerfile.dev': text('FROM python:3.12', 'CMD ["flask", "run"]') }, ['Dockerfile.dev:1'], { environment: 'development' });
});

test('docker/root-user: a malformed Dockerfile is a parse error with its line; other files are still judged', async () => {
  const { report } = await scan({
    files: [
      { path: 'bad/Dockerfile', content: text('FROM python:3.12', 'RUNN echo hi') },
      { path: 'early/Dockerfile', content: text('# comment', 'RUN echo hi', 'FROM python:3.12') },
      { path: 'Dockerfile', content: text('FROM python:3.12', 'USER root') },
    ],
    rules: [rule],
    config: {},
  });
  assert.deepEqual(report.findings.map((f) => `${f.file}:${f.line}`), ['Dockerfile:2']);
  assert.deepEqual(report.errors.map((e) => `${e.kind} ${e.file}:${e.line}`).sort(), ['parse bad/Dockerfile:2', 'parse early/Dockerfile:2']);
  assert.match(report.errors.find((e) => e.file === 'bad/Dockerfile')!.message, /unknown instruction "RUNN"/);
});

test('docker/root-user: official images whose server drops root itself are silent unless the Dockerfile replaces their entrypoint', async () => {
  await expectLines(
    rule,
    {
      'db/Dockerfile': text('FROM docker.io/postgres:18', 'COPY ./maintenance /usr/local/bin/maintenance'),
      'proxy/Dockerfile': text('FROM nginx:1.27-alpine', 'COPY conf /etc/nginx/conf.d/default.conf'),
      'cache/Dockerfile': text('FROM redis:7.2', 'CMD ["redis-server", "--appendonly", "yes"]'),
      'web/Dockerfile': text('FROM php:8.3-apache', 'COPY src/ /var/www/html/'),
    },
    [],
  );
  await expectLines(
    rule,
    {
      // The image's entrypoint (and with it the privilege drop) is replaced; php CLI images run their CMD as root.
      'db/Dockerfile': text('FROM postgres:18', 'ENTRYPOINT ["/usr/local/bin/my-start.sh"]'),
      'cli/Dockerfile': text('FROM php:8.3-cli', 'CMD ["php", "worker.php"]'),
    },
    ['cli/Dockerfile:1', 'db/Dockerfile:1'],
  );
});

test('docker/root-user: the stage compose deploys (target:) is judged, and a final dev-envs stage gives way to the last production stage', async () => {
  const df = text('FROM python:3.12 AS builder', 'WORKDIR /app', 'COPY . .', 'CMD ["python", "app.py"]', 'FROM builder AS dev-envs', 'RUN useradd -m vscode', 'CMD ["python", "app.py"]');
  const f = await expectLines(rule, { 'app/Dockerfile': df, 'compose.yaml': text('services:', '  web:', '    build:', '      context: app', '      target: builder') }, ['app/Dockerfile:1']);
  assert.match(f[0]!.message, /^Stage "builder" \(FROM python:3\.12\) sets no USER/);
  // Without compose: the final stage is a Docker Dev Environments stage, so builder is what production builds.
  await expectLines(rule, { Dockerfile: df }, ['Dockerfile:1']);
});
