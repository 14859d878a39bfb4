import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './allowed-hosts-empty.js';

test('django/allowed-hosts-empty: empty list, missing setting, empty env fallback with DEBUG off', async () => {
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', 'DEBUG = False', 'ALLOWED_HOSTS = []') }, ['mysite/settings.py:3']);
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', 'DEBUG = False') }, ['mysite/settings.py:1']);
  await expectLines(rule, { 'mysite/settings.py': text('import os', 'INSTALLED_APPS = []', "DEBUG = os.environ.get('DEBUG') == '1'", "ALLOWED_HOSTS = os.environ.get('ALLOWED_HOSTS', '').split(',')") }, ['mysite/settings.py:4']);
});

test('django/allowed-hosts-empty: named hosts, DEBUG on, required variable are silent', async () => {
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', 'DEBUG = False', "ALLOWED_HOSTS = ['example.com']") }, []);
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', 'DEBUG = True', 'ALLOWED_HOSTS = []') }, []);
  await expectLines(rule, { 'mysite/settings.py': text('import os', 'INSTALLED_APPS = []', 'DEBUG = False', "ALLOWED_HOSTS = os.environ['HOSTS'].split(',')") }, []);
});
