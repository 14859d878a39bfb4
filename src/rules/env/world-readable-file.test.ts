import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './world-readable-file.js';

const SECRET = 'SECRET_KEY=Zq3xR8vN1pL6tY0wK4bH7mC2dF9gJ5sA';

test('env/world-readable-file: a production env file with secrets and mode 644', async () => {
  await expectLines(rule, [{ path: '.env.production', content: text('A=1', SECRET), mode: 0o644 }], ['.env.production:1']);
});

test('env/world-readable-file: mode 600, files without secrets, unknown modes and development files are silent', async () => {
  await expectLines(
    rule,
    [
      { path: '.env.production', content: text(SECRET), mode: 0o600 },
      { path: 'env/production/common.env', content: text('DEBUG=False'), mode: 0o644 },
      { path: '.env.staging', content: text(SECRET) },
      { path: '.env.development', content: text(SECRET), mode: 0o644 },
      { path: '.env', content: text(SECRET), mode: 0o644 },
    ],
    [],
  );
});
