import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './missing-security-middleware.js';

const FULL = [
  "    'django.middleware.security.SecurityMiddleware',",
  "    'django.contrib.sessions.middleware.SessionMiddleware',",
  "    'django.middleware.common.CommonMiddleware',",
  "    'django.middleware.csrf.CsrfViewMiddleware',",
  "    'django.contrib.auth.middleware.AuthenticationMiddleware',",
  "    'django.middleware.clickjacking.XFrameOptionsMiddleware',",
];

test('django/missing-security-middleware: CSRF and clickjacking middleware removed', async () => {
  const f = await expectLines(
    rule,
    { 'mysite/settings.py': text('INSTALLED_APPS = []', 'MIDDLEWARE = [', FULL[0]!, FULL[1]!, FULL[2]!, FULL[4]!, ']') },
    ['mysite/settings.py:2', 'mysite/settings.py:2'],
  );
  assert.match(f.map((x) => x.message).join('\n'), /CsrfViewMiddleware[\s\S]*XFrameOptionsMiddleware|XFrameOptionsMiddleware[\s\S]*CsrfViewMiddleware/);
});

test('django/missing-security-middleware: full list, production extending base, dynamic lists are silent', async () => {
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', 'MIDDLEWARE = [', ...FULL, ']') }, []);
  await expectLines(
    rule,
    {
      'proj/settings/base.py': text('INSTALLED_APPS = []', 'MIDDLEWARE = [', ...FULL, ']'),
      'proj/settings/production.py': text('from .base import *', "MIDDLEWARE += ['whitenoise.middleware.WhiteNoiseMiddleware']", "MIDDLEWARE.insert(1, 'x.Y')"),
    },
    [],
  );
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', 'MIDDLEWARE = [m for m in BASE]') }, []);
});
