import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './hardcoded-secret-key.js';

const INSECURE = 'django-insecure-7f$k2!q@x9#m1w^v5&z0b(c)d*e+f=g-h_i8j3l4n6p';

test('django/hardcoded-secret-key: startproject key, weak fallback', async () => {
  const f = await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', `SECRET_KEY = '${INSECURE}'`) }, ['mysite/settings.py:2']);
  assert.equal(f[0]!.severity, 'critical');
  assert.match(f[0]!.message, /django-insecure/);
  assert.ok(!f[0]!.message.includes(INSECURE));
  await expectLines(rule, { 'mysite/settings.py': text('import os', 'INSTALLED_APPS = []', "SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', 'dev-secret')") }, ['mysite/settings.py:3']);
});

test('django/hardcoded-secret-key: required variable, production override, development settings are silent', async () => {
  await expectLines(rule, { 'mysite/settings.py': text('import os', 'INSTALLED_APPS = []', "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']") }, []);
  await expectLines(
    rule,
    {
      'proj/settings/base.py': text('INSTALLED_APPS = []', `SECRET_KEY = '${INSECURE}'`),
      'proj/settings/production.py': text('import environ', 'from .base import *', 'env = environ.Env()', "SECRET_KEY = env('DJANGO_SECRET_KEY')"),
      'proj/settings/local.py': text('from .base import *', "SECRET_KEY = 'local'"),
    },
    [],
  );
});

test('django/hardcoded-secret-key: environs env("X", "fallback") falls back to a literal; env("X") and env.str("X") do not', async () => {
  const f = await expectLines(
    rule,
    { 'example/settings.py': text('from environs import Env', '', 'env = Env()', "SECRET_KEY = env('SECRET_KEY',", "                 'k3y+only%for&local*use!9q$w@e#r^t(y)u_i-o=p')", 'INSTALLED_APPS = []') },
    ['example/settings.py:4'],
  );
  assert.match(f[0]!.message, /falls back/);
  await expectLines(rule, { 'example/settings.py': text('from environs import Env', 'env = Env()', "SECRET_KEY = env.str('SECRET_KEY', default='short-dev-key')", 'INSTALLED_APPS = []') }, ['example/settings.py:3']);
  await expectLines(rule, { 'example/settings.py': text('from environs import Env', 'env = Env()', "SECRET_KEY = env('SECRET_KEY')", 'INSTALLED_APPS = []') }, []);
  await expectLines(rule, { 'example/settings.py': text('from environs import Env', 'env = Env()', "SECRET_KEY = env.str('SECRET_KEY')", 'INSTALLED_APPS = []') }, []);
});
