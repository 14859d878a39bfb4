import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './single-worker.js';

test('gunicorn/single-worker: workers = 1, and no workers at all in a systemd-style command', async () => {
  await expectLines(rule, { 'gunicorn.conf.py': text('workers = 1', 'timeout = 30') }, ['gunicorn.conf.py:1']);
  await expectLines(rule, { 'gunicorn.conf.py': text('timeout = 30') }, ['gunicorn.conf.py:1']);
});

test('gunicorn/single-worker: several workers, threads, computed counts, and Heroku (WEB_CONCURRENCY) are silent', async () => {
  await expectLines(rule, { 'gunicorn.conf.py': text('import multiprocessing', 'workers = multiprocessing.cpu_count() * 2 + 1') }, []);
  await expectLines(rule, { 'gunicorn.conf.py': text('workers = 1', 'threads = 4') }, []);
  await expectLines(rule, { Procfile: 'web: gunicorn app:app\n' }, []);
  await expectLines(rule, { Procfile: 'web: gunicorn app:app -w 1\n', 'gunicorn.conf.py': text('workers = 4') }, ['Procfile:1']);
});

test('gunicorn/single-worker: the file a systemd unit names with --config is read, whatever its name', async () => {
  const unit = text('[Service]', 'User=app', 'ExecStart=/opt/app/venv/bin/gunicorn --pid /run/app.pid --config /opt/app/gunicorn.py app.wsgi', 'Restart=on-failure');
  await expectLines(rule, { 'contrib/app.service': unit, 'contrib/gunicorn.py': text("bind = '127.0.0.1:8001'", 'workers = 5', 'max_requests = 5000') }, []);
  await expectLines(rule, { 'contrib/app.service': unit, 'contrib/gunicorn.py': text("bind = '127.0.0.1:8001'", 'workers = 1') }, ['contrib/gunicorn.py:2']);
});
