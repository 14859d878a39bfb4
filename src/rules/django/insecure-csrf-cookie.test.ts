import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './insecure-csrf-cookie.js';

test('django/insecure-csrf-cookie: CSRF_COOKIE_SECURE unset, off, or off by default in the settings production uses', async () => {
  const f = await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', 'DEBUG = False') }, ['mysite/settings.py:1']);
  assert.match(f[0]!.message, /CSRF_COOKIE_SECURE is not set/);
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', 'CSRF_COOKIE_SECURE = 0') }, ['mysite/settings.py:2']);
  await expectLines(
    rule,
    {
      'proj/settings/base.py': text('import environ', 'env = environ.Env()', 'INSTALLED_APPS = []', "CSRF_COOKIE_SECURE = env('DJANGO_CSRF_COOKIE_SECURE', default=0, cast=int)"),
      'proj/settings/production.py': text('from .base import *', 'DEBUG = False'),
    },
    ['proj/settings/base.py:4'],
  );
});

test('django/insecure-csrf-cookie: set in production, read from a required variable, or only missing in development is silent', async () => {
  await expectLines(
    rule,
    {
      'proj/settings/base.py': text('INSTALLED_APPS = []', 'CSRF_COOKIE_SECURE = 0'),
      'proj/settings/production.py': text('from .base import *', 'CSRF_COOKIE_SECURE = True'),
      'proj/settings/development.py': text('from .base import *'),
    },
    [],
  );
  await expectLines(rule, { 'mysite/settings.py': text('import os', 'INSTALLED_APPS = []', "CSRF_COOKIE_SECURE = int(os.environ['CSRF_COOKIE_SECURE'])") }, []);
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []') }, [], { environment: 'development' });
});

test('django/insecure-csrf-cookie: a settings file that does not parse — the parse error is the entry, "not set" is not judged for its group', async () => {
  const files = {
    'proj/settings/base.py': text('INSTALLED_APPS = ["django.contrib.admin"]', 'SESSION_COOKIE_SECURE = True'),
    'proj/settings/production.py': text('from .base import *', 'SECURE_SSL_REDIRECT = True', 'if USE_PROXY', '    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")', 'DEBUG = False'),
  };
  await expectLines(rule, files, [], { errors: [/^proj\/settings\/production\.py:3 Python syntax error/] });
  // Mostly unparseable (a template, Python 2): nothing in it is read, nothing reported as missing either.
  await expectLines(rule, { ...files, 'proj/settings/production.py': text('{% if cookiecutter.use_s3 %}', '{{ x }} {{ y }} {{ z }}', '{% endif %}') }, [], { errors: [/^proj\/settings\/production\.py:.* most of the file does not parse/] });
  // The same group parsed cleanly: the missing flag is reported.
  await expectLines(rule, { ...files, 'proj/settings/production.py': text('from .base import *', 'SECURE_SSL_REDIRECT = True', 'if USE_PROXY:', '    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")', 'DEBUG = False') }, ['proj/settings/production.py:1']);
});
