import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './unfiltered-build-context.js';

const DF = text('FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt', 'COPY . .', 'USER app');

test('docker/unfiltered-build-context: COPY . . without any .dockerignore names what is missing; severity follows the evidence', async () => {
  // At the checkout's top .git is in the context (medium); a .env nobody uses yet is low.
  const findings = await expectLines(rule, { Dockerfile: DF, 'app.py': 'print(1)\n' }, ['Dockerfile:5']);
  assert.equal(findings[0]!.severity, 'medium');
  assert.match(findings[0]!.message, /no \.dockerignore.*\.env, \.git, venv\/, \.venv\//);
  // A .gitignore entry for .env or a dotenv library shows env files are used here: the missing .env exclusion is medium and says why.
  const gi = await expectLines(rule, { 'svc/Dockerfile': DF, 'svc/app.py': '', '.gitignore': text('.env', 'venv/') }, ['svc/Dockerfile:5']);
  assert.equal(gi[0]!.severity, 'medium');
  assert.match(gi[0]!.message, /\(\.gitignore shows env files are used here\)/);
  const lib = await expectLines(rule, { 'svc/Dockerfile': DF, 'svc/app.py': '', 'svc/requirements.txt': text('flask==3.0.0', 'python-dotenv==1.0.1') }, ['svc/Dockerfile:5']);
  assert.equal(lib[0]!.severity, 'medium');
  // A .env that exists in the context is high.
  const present = await expectLines(rule, { Dockerfile: DF, 'app.py': '', '.env': 'SECRET_KEY=x\n' }, ['Dockerfile:5']);
  assert.equal(present[0]!.severity, 'high');
  // A sample in a subdirectory with no env files and no .git in its context: hygiene only (low).
  const sample = await expectLines(rule, { 'sample/app/Dockerfile': DF, 'sample/app/app.py': '', 'sample/compose.yaml': text('services:', '  web:', '    build: app') }, ['sample/app/Dockerfile:5']);
  assert.equal(sample[0]!.severity, 'low');
});

test('docker/unfiltered-build-context: COPY . in a build stage that hands over only artefacts ships nothing; a whole-directory hand-over does', async () => {
  const artefacts = text('FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app .', 'FROM gcr.io/distroless/static', 'COPY --from=build /out/app /app', 'USER 65532', 'ENTRYPOINT ["/app"]');
  await expectLines(rule, { Dockerfile: artefacts, '.env': 'A=1\n' }, []);
  const whole = text('FROM python:3.12 AS build', 'ARG APP_HOME=/app', 'WORKDIR ${APP_HOME}', 'COPY . ${APP_HOME}', 'FROM python:3.12-slim', 'ARG APP_HOME=/app', 'WORKDIR ${APP_HOME}', 'COPY --from=build ${APP_HOME} ${APP_HOME}', 'USER app');
  await expectLines(rule, { Dockerfile: whole, '.env': 'A=1\n' }, ['Dockerfile:4']);
});

test('docker/unfiltered-build-context: a .dockerignore that misses .env (seen in the tree) is high; one that misses only .git is medium; only venv is low', async () => {
  const env = await expectLines(rule, { Dockerfile: DF, '.dockerignore': text('.git', 'venv/', '.venv/'), '.env.production': 'A=1\n', 'app.py': '' }, ['Dockerfile:5']);
  assert.equal(env[0]!.severity, 'high');
  assert.match(env[0]!.message, /\.dockerignore does not exclude \.env\.production, \.env$/);
  const git = await expectLines(rule, { Dockerfile: DF, '.dockerignore': text('.env*', 'venv', '.venv'), 'app.py': '' }, ['Dockerfile:5']);
  assert.equal(git[0]!.severity, 'medium');
  assert.match(git[0]!.message, /does not exclude \.git$/);
  const venv = await expectLines(rule, { Dockerfile: DF, '.dockerignore': text('.env*', '.git'), 'app.py': '' }, ['Dockerfile:5']);
  assert.equal(venv[0]!.severity, 'low');
  const nodeOnly = await expectLines(rule, { Dockerfile: text('FROM node:20', 'COPY . .'), '.dockerignore': text('.env', '.git'), 'package.json': '{}' }, ['Dockerfile:2']);
  assert.match(nodeOnly[0]!.message, /node_modules\//);
});

test('docker/unfiltered-build-context: a complete .dockerignore, an allow-list, BuildKit per-Dockerfile ignore and specific COPYs are fine', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: DF,
      '.dockerignore': text('# secrets', '.env*', '!.env.example', '.git', 'venv/', '.venv/'),
      '.env': 'A=1\n',
      '.env.example': 'A=\n',
      'app.py': '',
      // allow-list style
      'svc/Dockerfile': text('FROM node:20', 'COPY . .'),
      'svc/.dockerignore': text('*', '!src', '!package.json'),
      'svc/package.json': '{}',
      // BuildKit: docker/api.Dockerfile.dockerignore wins over docker/.dockerignore
      'docker/api.Dockerfile': text('FROM python:3.12', 'COPY . /srv'),
      'docker/api.Dockerfile.dockerignore': text('.env*', '.git', 'venv', '.venv', '**/*.pem'),
      'docker/.dockerignore': text('nothing'),
      // only specific files
      'web/Dockerfile': text('FROM nginx:1.27', 'COPY dist/ /usr/share/nginx/html/', 'COPY --from=build . /x'),
    },
    [],
  );
});

test('docker/unfiltered-build-context: a Dockerfile in a subdirectory uses the nearest .dockerignore above it; nested .env files are matched with Docker semantics', async () => {
  const findings = await expectLines(
    rule,
    {
      'deploy/docker/Dockerfile': text('FROM python:3.12', 'COPY . .'),
      '.dockerignore': text('.env', '.git', 'venv', '.venv'),
      'config/.env.production': 'A=1\n',
      'app.py': '',
    },
    ['deploy/docker/Dockerfile:2'],
  );
  // `.env` in a .dockerignore excludes only the root .env, not config/.env.production
  assert.match(findings[0]!.message, /does not exclude config\/\.env\.production$/);
});

test('docker/unfiltered-build-context: Dockerfile.dev is silent for production', async () => {
  await expectLines(rule, { 'Dockerfile.dev': text('FROM python:3.12', 'COPY . .') }, []);
});
