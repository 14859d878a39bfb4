import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './debug-enabled.js';

test('django/debug-enabled: DEBUG on in settings.py, a string from the environment, base settings production inherits', async () => {
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', 'DEBUG = True') }, ['mysite/settings.py:2']);
  await expectLines(rule, { 'mysite/settings.py': text('import os', 'INSTALLED_APPS = []', "DEBUG = os.environ.get('DJANGO_DEBUG', 'False')") }, ['mysite/settings.py:3']);
  await expectLines(
    rule,
    {
      'config/settings/base.py': text('import environ', 'env = environ.Env()', "DEBUG = env.bool('DJANGO_DEBUG', True)", 'INSTALLED_APPS = []'),
      'config/settings/production.py': text('from .base import *  # noqa', "ALLOWED_HOSTS = ['example.com']"),
    },
    ['config/settings/base.py:3'],
  );
});

test('django/debug-enabled: production overrides, development and local settings, off defaults are silent', async () => {
  await expectLines(
    rule,
    {
      'config/settings/base.py': text('INSTALLED_APPS = []', 'DEBUG = True'),
      'config/settings/production.py': text('from .base import *', 'DEBUG = False'),
      'config/settings/development.py': text('from .base import *', 'DEBUG = True'),
      'config/settings/local.py': text('from .base import *', 'DEBUG = True'),
    },
    [],
  );
  await expectLines(rule, { 'mysite/settings.py': text('import os', 'INSTALLED_APPS = []', "DEBUG = os.environ.get('DJANGO_DEBUG', '0') == '1'") }, []);
  await expectLines(rule, { 'app/settings.py': text('DEBUG = True') }, []); // not Django (no Django markers)
});

test('django/debug-enabled: environs Env() reads (env.bool("X", default) — the second argument is the default)', async () => {
  await expectLines(
    rule,
    { 'example/settings.py': text('from environs import Env', 'env = Env()', "SECRET_KEY = env('SECRET_KEY')", "DEBUG = env.bool('DEBUG', True)", 'INSTALLED_APPS = []') },
    ['example/settings.py:4'],
  );
  await expectLines(
    rule,
    { 'example/settings.py': text('import environs', 'env = environs.Env()', "DEBUG = env.bool('DEBUG', default=False)", "DEBUG_TOOLBAR = env.bool('TOOLBAR', True)", 'INSTALLED_APPS = []') },
    [],
  );
  await expectLines(rule, { 'example/settings.py': text('from environs import Env', 'env = Env()', "DEBUG = env.bool('DEBUG')", 'INSTALLED_APPS = []') }, []);
});
