import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './secret-in-environment.js';

const REAL = 'q8Xr2LmV9pTz4KwN7bYc1HsJ6eGd3UaF0';

test('systemd/secret-in-environment: a literal secret is high and never printed; a placeholder is medium', async () => {
  const f = await expectLines(
    rule,
    {
      'deploy/app.service': text(
        '[Service]',
        'User=app',
        `Environment=DB_PASSWORD=${REAL}`,
        'Environment="OPENAI_API_KEY=your_openai_api_key_here" \\',
        `    "JWT_SECRET=${REAL}x"`,
        'ExecStart=/usr/bin/app',
      ),
    },
    ['deploy/app.service:3', 'deploy/app.service:4', 'deploy/app.service:5'],
  );
  assert.deepEqual(f.map((x) => x.severity), ['high', 'medium', 'high']);
  assert.equal(f[2]!.column, 5);
  for (const x of f) assert.ok(!JSON.stringify(x).includes(REAL), 'the secret value is never in a finding');
  assert.match(f[0]!.message, /DB_PASSWORD \(33 characters\)/);
});

test('systemd/secret-in-environment: non-secret keys, references and credentials are silent', async () => {
  await expectLines(
    rule,
    {
      'deploy/app.service': text(
        '[Service]',
        'Environment=FLASK_ENV=production PASSWORD_MIN_LENGTH=12',
        'Environment=API_KEY=${API_KEY_FROM_MANAGER}',
        'Environment=API_KEY_FILE=%d/api_key',
        'LoadCredential=api_key:/etc/app/api_key',
      ),
    },
    [],
  );
});

test('systemd/secret-in-environment: a real secret is reported even in a development unit (scope all); a placeholder there is not', async () => {
  await expectLines(rule, { 'deploy/dev/app.service': text('[Service]', `Environment=SECRET_KEY=${REAL}`, 'Environment=API_TOKEN=changeme') }, ['deploy/dev/app.service:2']);
});
