import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './shell-form-command.js';

test('docker/shell-form-command: shell-form CMD / ENTRYPOINT of the final image is reported', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text('FROM python:3.12', 'CMD gunicorn --bind 0.0.0.0:8000 app:app'),
      'b/Dockerfile': text('FROM python:3.12', 'ENTRYPOINT python -m app', 'CMD ["--port", "80"]'),
      'c/Dockerfile': text('FROM python:3.12 AS base', 'CMD flask db upgrade && gunicorn app:app', 'FROM base'),
    },
    ['Dockerfile:2', 'b/Dockerfile:2', 'c/Dockerfile:2'],
  );
});

test('docker/shell-form-command: exec form, exec-prefixed shell form and builder stages are fine', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text('FROM python:3.12', 'CMD ["gunicorn", "app:app"]'),
      'b/Dockerfile': text('FROM python:3.12', 'CMD exec gunicorn app:app'),
      'c/Dockerfile': text('FROM node:20 AS build', 'CMD npm run build', 'FROM nginx:1.27', 'COPY --from=build /dist /usr/share/nginx/html'),
      'd/Dockerfile': text('FROM python:3.12', 'ENTRYPOINT ["tini", "--"]', 'CMD ["python", "-m", "app"]'),
    },
    [],
  );
});

test('docker/shell-form-command: Dockerfile.dev is silent for production', async () => {
  await expectLines(rule, { 'Dockerfile.dev': text('FROM python:3.12', 'CMD flask run') }, []);
});
