import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './allowed-hosts-wildcard.js';

test("django/allowed-hosts-wildcard: '*' literally or as the fallback", async () => {
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', "ALLOWED_HOSTS = ['localhost', '*']") }, ['mysite/settings.py:2']);
  await expectLines(rule, { 'mysite/settings.py': text('import os', 'INSTALLED_APPS = []', "ALLOWED_HOSTS = os.environ.get('ALLOWED_HOSTS', '*').split(',')") }, ['mysite/settings.py:3']);
});

test('django/allowed-hosts-wildcard: named hosts, required variables, development settings are silent', async () => {
  await expectLines(rule, { 'mysite/settings.py': text('import os', 'INSTALLED_APPS = []', "ALLOWED_HOSTS = os.environ['ALLOWED_HOSTS'].split(',')") }, []);
  await expectLines(rule, { 'proj/settings/base.py': text('INSTALLED_APPS = []', "ALLOWED_HOSTS = ['example.com']"), 'proj/settings/development.py': text('from .base import *', "ALLOWED_HOSTS = ['*']") }, []);
});
