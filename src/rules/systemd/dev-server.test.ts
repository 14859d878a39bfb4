import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './dev-server.js';

test('systemd/dev-server: ExecStart with flask run (across a continuation) and gunicorn --reload are reported at the word', async () => {
  const f = await expectLines(
    rule,
    {
      'deploy/app.service': text('[Service]', 'User=app', 'ExecStart=/srv/app/venv/bin/flask \\', '    run --host 127.0.0.1'),
      'deploy/api.service': text('[Service]', 'User=app', 'ExecStart=-/srv/app/venv/bin/gunicorn -b 127.0.0.1:8000 \\', '    --reload app:app'),
    },
    ['deploy/api.service:4', 'deploy/app.service:3'],
  );
  assert.equal(f[0]!.column, 5);
  assert.equal(f[1]!.column, 11);
});

test('systemd/dev-server: production servers, a reset ExecStart and development units are silent', async () => {
  await expectLines(
    rule,
    {
      'deploy/app.service': text('[Service]', 'ExecStart=/srv/app/venv/bin/flask run', 'ExecStart=', 'ExecStart=/srv/app/venv/bin/gunicorn -w 3 app:app'),
      'deploy/development/app.service': text('[Service]', 'ExecStart=/srv/app/venv/bin/flask run --debug'),
    },
    [],
  );
});
