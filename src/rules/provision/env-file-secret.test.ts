import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './env-file-secret.js';

const REAL = 'sk-proj-9fQ2xLmV7pTz4KwN1bYc8HsJ3eGd6UaR';

test('provision/env-file-secret: seed 003 user-data — the placeholder OPENAI_API_KEY in cat > .env <<EOF (generated SECRET_KEY is fine)', async () => {
  const f = await expectLines(
    rule,
    {
      'deploy/user-data': text(
        '#!/bin/bash',
        'mkdir -p /opt/chatbot',
        'cd /opt/chatbot',
        'cat > .env << EOF',
        'FLASK_APP=app.py',
        'FLASK_ENV=production',
        'SECRET_KEY=$(openssl rand -hex 32)',
        'OPENAI_API_KEY=your_openai_api_key_here',
        'EOF',
        'docker-compose up -d',
      ),
    },
    ['deploy/user-data:8'],
  );
  assert.equal(f[0]!.severity, 'medium');
  assert.match(f[0]!.message, /placeholder .*OPENAI_API_KEY into \.env/);
});

test('provision/env-file-secret: echo >> .env, echo | sudo tee -a, printf, and a quoted heredoc that does not expand', async () => {
  const f = await expectLines(
    rule,
    {
      'scripts/provision.sh': text(
        '#!/usr/bin/env bash',
        'set -euo pipefail',
        'echo "OPENAI_API_KEY=your_openai_api_key_here" >> .env',
        `echo 'STRIPE_SECRET_KEY=${REAL}' | sudo tee -a /srv/app/.env > /dev/null`,
        `printf 'DB_PASSWORD=%s\\n' '${REAL}' > /srv/app/.env.production`,
        "sudo tee /etc/myapp/env > /dev/null <<'EOF'",
        'JWT_SECRET=$(openssl rand -hex 32)',
        'EOF',
      ),
    },
    ['scripts/provision.sh:3', 'scripts/provision.sh:4', 'scripts/provision.sh:5', 'scripts/provision.sh:7'],
  );
  assert.deepEqual(f.map((x) => x.severity), ['medium', 'high', 'high', 'medium']);
  assert.match(f[3]!.message, /not expanded/);
  for (const x of f) assert.ok(!JSON.stringify(x).includes(REAL), 'the secret is never printed');
});

test('provision/env-file-secret: values from the environment, a secret store, or generated are silent; so are non-secret keys', async () => {
  await expectLines(
    rule,
    {
      'scripts/provision.sh': text(
        '#!/bin/bash',
        'echo "OPENAI_API_KEY=${OPENAI_API_KEY:?missing}" >> .env',
        'echo "DB_PASSWORD=$(aws ssm get-parameter --name /app/db --with-decryption --query Parameter.Value --output text)" >> .env',
        'cat > /srv/app/.env <<EOF',
        'SECRET_KEY=$(openssl rand -hex 32)',
        'LOG_LEVEL=info',
        'EOF',
        'echo "PORT=8000" > .env',
        'echo "API_TOKEN=your_token_here"',
      ),
    },
    [],
  );
});

test('provision/env-file-secret: a placeholder in a development setup script is not judged for production; a real secret is (scope all)', async () => {
  await expectLines(
    rule,
    {
      'scripts/dev/setup.sh': text('#!/bin/sh', 'echo "API_KEY=changeme" >> .env', `echo "GITHUB_TOKEN=${REAL}" >> .env`),
    },
    ['scripts/dev/setup.sh:3'],
  );
});
