import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './hsts-disabled.js';

test('django/hsts-disabled: SECURE_HSTS_SECONDS unset, off, or off by default in the settings production uses', async () => {
  const f = await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', 'DEBUG = False') }, ['mysite/settings.py:1']);
  assert.match(f[0]!.message, /SECURE_HSTS_SECONDS is not set/);
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', 'SECURE_HSTS_SECONDS = 0') }, ['mysite/settings.py:2']);
  await expectLines(
    rule,
    {
      'proj/settings/base.py': text('import environ', 'env = environ.Env()', 'INSTALLED_APPS = []', "SECURE_HSTS_SECONDS = env('DJANGO_SECURE_HSTS_SECONDS', default=0, cast=int)"),
      'proj/settings/production.py': text('from .base import *', 'DEBUG = False'),
    },
    ['proj/settings/base.py:4'],
  );
});

test('django/hsts-disabled: set in production, read from a required variable, or only missing in development is silent', async () => {
  await expectLines(
    rule,
    {
      'proj/settings/base.py': text('INSTALLED_APPS = []', 'SECURE_HSTS_SECONDS = 0'),
      'proj/settings/production.py': text('from .base import *', 'SECURE_HSTS_SECONDS = 31536000'),
      'proj/settings/development.py': text('from .base import *'),
    },
    [],
  );
  await expectLines(rule, { 'mysite/settings.py': text('import os', 'INSTALLED_APPS = []', "SECURE_HSTS_SECONDS = int(os.environ['SECURE_HSTS_SECONDS'])") }, []);
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []') }, [], { environment: 'development' });
});
