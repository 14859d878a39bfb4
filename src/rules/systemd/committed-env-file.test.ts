import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './committed-env-file.js';

test('systemd/committed-env-file: EnvironmentFile= resolving to a committed repository file (via WorkingDirectory or the path suffix)', async () => {
  const f = await expectLines(
    rule,
    [
      { path: 'deploy/app.service', content: text('[Service]', 'WorkingDirectory=/srv/app/current', 'EnvironmentFile=/srv/app/current/.env.production', 'EnvironmentFile=-/opt/app/config/app.env') },
      { path: '.env.production', content: text('FLASK_SECRET_KEY=', 'DATABASE_URL=postgresql://db/app'), gitTracked: true },
      { path: 'config/app.env', content: text('MAIL_PASSWORD=Vx83kLmP0qTz6WnR2bYc9HsJ4eGd7UaF'), gitTracked: true },
    ],
    ['deploy/app.service:3', 'deploy/app.service:4'],
  );
  assert.equal(f[0]!.severity, 'medium');
  assert.equal(f[1]!.severity, 'high');
  assert.match(f[1]!.message, /config\/app\.env .*MAIL_PASSWORD/);
});

test('systemd/committed-env-file: a git-ignored local file, or a path outside the repository, is silent', async () => {
  await expectLines(
    rule,
    [
      { path: 'deploy/app.service', content: text('[Service]', 'WorkingDirectory=/srv/app', 'EnvironmentFile=/srv/app/.env.production', 'EnvironmentFile=/etc/app/env') },
      { path: '.env.production', content: text('SECRET_KEY=abc'), gitIgnored: true },
    ],
    [],
  );
});
