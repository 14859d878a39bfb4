import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './dev-server.js';

const FLASK_APP = text('from flask import Flask', 'app = Flask(__name__)', '', 'if __name__ == "__main__":', '    app.run(host="0.0.0.0", port=5000, debug=True)');

test('docker/dev-server: flask run, runserver, npm run dev, nodemon, uvicorn/gunicorn --reload, rails -e development', async () => {
  await expectLines(
    rule,
    {
      'a/Dockerfile': text('FROM python:3.12', 'CMD ["flask", "run", "--host=0.0.0.0"]'),
      'b/Dockerfile': text('FROM python:3.12', 'CMD python manage.py migrate && \\', '    python manage.py runserver 0.0.0.0:8000'),
      'c/Dockerfile': text('FROM node:20', 'CMD ["npm", "run", "dev"]'),
      'd/Dockerfile': text('FROM node:20', 'ENTRYPOINT ["npx", "nodemon", "server.js"]'),
      'e/Dockerfile': text('FROM python:3.12', 'CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--reload"]'),
      'f/Dockerfile': text('FROM python:3.12', 'CMD exec gunicorn --reload -b :8000 app:app'),
      'g/Dockerfile': text('FROM ruby:3.3', 'CMD ["bin/rails", "server", "-b", "0.0.0.0", "-e", "development"]'),
      'h/Dockerfile': text('FROM python:3.12', 'ENTRYPOINT ["python", "-m"]', 'CMD ["flask", "run"]'),
      'i/Dockerfile': text('FROM python:3.12', 'ENTRYPOINT ["/docker-entrypoint.sh"]', 'CMD ["sh", "-c", "flask db upgrade && flask run -h 0.0.0.0"]'),
    },
    ['a/Dockerfile:2', 'b/Dockerfile:3', 'c/Dockerfile:2', 'd/Dockerfile:2', 'e/Dockerfile:2', 'f/Dockerfile:2', 'g/Dockerfile:2', 'h/Dockerfile:3', 'i/Dockerfile:3'],
  );
});

test('docker/dev-server: python app.py is reported when app.py calls app.run(), naming where', async () => {
  const findings = await expectLines(rule, { Dockerfile: text('FROM python:3.12-slim', 'WORKDIR /app', 'COPY . .', 'CMD ["python", "/app/app.py"]'), 'app.py': FLASK_APP }, ['Dockerfile:4']);
  assert.match(findings[0]!.message, /app\.py:5.*debug=True/);
});

test('docker/dev-server: production servers, python scripts that do not run Flask, and dev commands in builder stages are fine', async () => {
  await expectLines(
    rule,
    {
      'a/Dockerfile': text('FROM python:3.12', 'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]'),
      'b/Dockerfile': text('FROM python:3.12', 'CMD ["python", "worker.py"]'),
      'b/worker.py': 'import time\nwhile True:\n    time.sleep(1)\n',
      'c/Dockerfile': text('FROM node:20 AS dev', 'CMD ["npm", "run", "dev"]', 'FROM node:20-slim', 'CMD ["node", "dist/server.js"]'),
      'd/Dockerfile': text('FROM node:20', 'RUN npm run build', 'CMD ["npm", "start"]'),
      'e/Dockerfile': text('FROM python:3.12', 'CMD ["uvicorn", "main:app", "--workers", "4"]'),
      'f/Dockerfile': text('FROM ruby:3.3', 'CMD ["bin/rails", "server", "-e", "production"]'),
    },
    [],
  );
});

test('docker/dev-server: Dockerfile.dev is silent for production, and the rule does not judge a development target', async () => {
  await expectLines(rule, { 'Dockerfile.dev': text('FROM python:3.12', 'CMD ["flask", "run"]') }, []);
  await expectLines(rule, { Dockerfile: text('FROM python:3.12', 'CMD ["flask", "run"]') }, [], { environment: 'development' });
  await expectLines(rule, { Dockerfile: text('FROM python:3.12', 'CMD ["flask", "run"]') }, ['Dockerfile:2'], { environment: 'staging' });
});

test('docker/dev-server: CMD ["npm", "start"] is judged by what the build context package.json script runs', async () => {
  const findings = await expectLines(
    rule,
    {
      'web/Dockerfile': text('FROM node:20', 'WORKDIR /app', 'COPY . .', 'CMD ["npm", "start"]'),
      'web/package.json': JSON.stringify({ scripts: { start: 'npm run watch', watch: 'nodemon src/index.js' } }),
      'api/Dockerfile': text('FROM node:20', 'CMD ["npm", "start"]'),
      'api/package.json': JSON.stringify({ scripts: { start: 'node dist/index.js', dev: 'nodemon src/index.js' } }),
    },
    ['web/Dockerfile:4'],
  );
  assert.match(findings[0]!.message, /runs the web\/package\.json script "start" \(through "watch"\): nodemon src\/index\.js is a development server/);
});
