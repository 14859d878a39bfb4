import { test } from 'node:test';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './root-user.js';

test('systemd/root-user: no User= (at [Service]) and User=root (at the line) are reported', async () => {
  await expectLines(
    rule,
    {
      'deploy/app.service': text('[Unit]', 'Description=x', '', '[Service]', 'ExecStart=/srv/app/venv/bin/gunicorn app:app'),
      'deploy/worker.service': text('[Service]', 'User=root', 'ExecStart=/srv/app/venv/bin/python worker.py'),
    },
    ['deploy/app.service:4', 'deploy/worker.service:2'],
  );
});

test('systemd/root-user: a dedicated user, DynamicUser=yes, user units and non-service units are silent', async () => {
  await expectLines(
    rule,
    {
      'deploy/app.service': text('[Service]', 'User=www-data', 'ExecStart=/srv/app/venv/bin/gunicorn app:app'),
      'deploy/dyn.service': text('[Service]', 'DynamicUser=yes', 'ExecStart=/usr/bin/app'),
      'home/.config/systemd/user/sync.service': text('[Service]', 'ExecStart=/usr/bin/rsync -a a b'),
      'deploy/backup.timer.service': text('[Unit]', 'Description=not a service section'),
    },
    [],
  );
});

test('systemd/root-user: a development unit is not judged for production', async () => {
  await expectLines(rule, { 'deploy/dev/app.service': text('[Service]', 'ExecStart=/usr/bin/app') }, []);
});
