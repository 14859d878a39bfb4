import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './max-requests-unset.js';

test('gunicorn/max-requests-unset: missing in a config file and on a command line, or 0', async () => {
  await expectLines(rule, { 'gunicorn.conf.py': text('workers = 3') }, ['gunicorn.conf.py:1']);
  await expectLines(rule, { Procfile: 'web: gunicorn -w 3 app:app\n' }, ['Procfile:1']);
  await expectLines(rule, { 'conf/gunicorn_config.py': text('workers = 3', 'max_requests = 0') }, ['conf/gunicorn_config.py:2']);
});

test('gunicorn/max-requests-unset: set in the config the command loads (seed 003), or on the command line, is silent', async () => {
  await expectLines(rule, { Procfile: 'web: gunicorn -c gunicorn.conf.py app:app\n', 'gunicorn.conf.py': text('workers = 2', 'timeout = 120', 'max_requests = 1000', 'max_requests_jitter = 50') }, []);
  await expectLines(rule, { Procfile: 'web: gunicorn -w 3 --max-requests 1000 app:app\n' }, []);
});

test('gunicorn/max-requests-unset: the file a systemd unit names with --config is read, whatever its name', async () => {
  const unit = text('[Service]', 'User=app', 'ExecStart=/opt/app/venv/bin/gunicorn --config /opt/app/gunicorn.py app.wsgi', 'Restart=on-failure');
  await expectLines(rule, { 'contrib/app.service': unit, 'contrib/gunicorn.py': text('workers = 5', 'max_requests = 5000') }, []);
});
