import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scan } from '../../commands/scan.js';
import { expectLines, text } from '../../testing/harness.js';
import rule from './secret-in-env.js';

const SECRET = 'q8Vx2LmP0rT5wZ9cB3nK7hJ4fD6sA1gE';
const GH = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';

test('docker/secret-in-env: literal secrets in ENV and ARG (by name and by format) are critical, at the key', async () => {
  const findings = await expectLines(
    rule,
    {
      Dockerfile: text(
        `ARG NPM_TOKEN=${GH}`,
        'FROM python:3.12-slim',
        `ENV FLASK_APP=app.py SECRET_KEY=${SECRET}`,
        `ENV DATABASE_URL=postgres://app:${SECRET}@db:5432/app`,
        'ENV DB_PASSWORD hunter22',
        `ARG GITHUB=${GH}`,
      ),
    },
    ['Dockerfile:1', 'Dockerfile:3', 'Dockerfile:4', 'Dockerfile:5', 'Dockerfile:6'],
  );
  assert.ok(findings.every((f) => f.severity === 'critical'));
  for (const f of findings) {
    assert.ok(!f.message.includes(SECRET) && !f.message.includes(GH) && !f.message.includes('hunter22'), f.message);
  }
  assert.match(findings[1]!.message, /ENV SECRET_KEY holds a literal secret \(32 characters\)/);
  assert.match(findings[2]!.message, /URL with an inline password/);
});

test('docker/secret-in-env: a placeholder ENV is high with its own message; a placeholder ARG is silent', async () => {
  const findings = await expectLines(
    rule,
    { Dockerfile: text('FROM python:3.12', 'ENV SECRET_KEY=change-me', 'ARG SECRET_KEY_BASE=dummy') },
    ['Dockerfile:2'],
  );
  assert.equal(findings[0]!.severity, 'high');
  assert.match(findings[0]!.message, /placeholder/);
});

test('docker/secret-in-env: references, flags, secret file paths and non-secret keys are fine', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text(
        'FROM ruby:3.3',
        'ENV SECRET_KEY_BASE_DUMMY=1 RAILS_ENV=production',
        'ENV SECRET_KEY=${SECRET_KEY}',
        'ENV DB_PASSWORD_FILE=/run/secrets/db_password',
        'ENV POSTGRES_PASSWORD_FILE=/run/secrets/pg',
        'ENV TOKEN_TTL=3600 API_KEY_HEADER=X-Api-Key',
        'ARG DB_PASSWORD',
        'ENV PATH=/app/bin:$PATH',
      ),
    },
    [],
  );
});

test('docker/secret-in-env: a real credential in Dockerfile.dev is still a leak; weak development values there are not judged', async () => {
  await expectLines(
    rule,
    {
      'Dockerfile.dev': text('FROM python:3.12', `ENV SECRET_KEY=${SECRET}`, 'ENV DB_PASSWORD=devpass', 'ENV API_KEY=changeme', `ENV GH=${GH}`),
    },
    ['Dockerfile.dev:2', 'Dockerfile.dev:5'],
  );
  await expectLines(rule, { 'Dockerfile.dev': text('FROM python:3.12', 'ENV DB_PASSWORD=devpass') }, ['Dockerfile.dev:2'], { environment: 'development' });
});

test('docker/secret-in-env: the value is masked in every output and registered as a secret', async () => {
  const { report } = await scan({ files: [{ path: 'Dockerfile', content: text('FROM python:3.12', `ENV API_TOKEN="${SECRET}"`) }], rules: [rule], config: {} });
  assert.equal(report.findings.length, 1);
  assert.ok(!JSON.stringify(report).includes(SECRET));
});
