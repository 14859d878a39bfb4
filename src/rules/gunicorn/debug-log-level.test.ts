import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './debug-log-level.js';

test('gunicorn/debug-log-level: debug in config and on the command line', async () => {
  await expectLines(rule, { 'gunicorn.conf.py': text("loglevel = 'debug'") }, ['gunicorn.conf.py:1']);
  await expectLines(rule, { Procfile: 'web: gunicorn app:app --log-level=debug\n' }, ['Procfile:1']);
});

test('gunicorn/debug-log-level: info level, and a command-line level overriding the file, are silent', async () => {
  await expectLines(rule, { 'gunicorn.conf.py': text("loglevel = 'info'") }, []);
  await expectLines(rule, { 'gunicorn.conf.py': text("loglevel = 'debug'"), Procfile: 'web: gunicorn app:app --log-level warning\n' }, []);
});
