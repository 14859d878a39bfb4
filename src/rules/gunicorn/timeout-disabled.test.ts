import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './timeout-disabled.js';

test('gunicorn/timeout-disabled: timeout 0 in config or on the command line', async () => {
  await expectLines(rule, { 'gunicorn.conf.py': text('workers = 3', 'timeout = 0') }, ['gunicorn.conf.py:2']);
  await expectLines(rule, { Procfile: 'web: gunicorn -t 0 app:app\n' }, ['Procfile:1']);
});

test('gunicorn/timeout-disabled: default and explicit timeouts are silent', async () => {
  await expectLines(rule, { 'gunicorn.conf.py': text('workers = 3', 'timeout = 120') }, []);
  await expectLines(rule, { Procfile: 'web: gunicorn --timeout=60 app:app\n', 'gunicorn.conf.py': text('timeout = 0') }, []);
});
