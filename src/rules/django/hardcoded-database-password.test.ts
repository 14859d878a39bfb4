import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './hardcoded-database-password.js';

const db = (pw: string) =>
  text('import os', 'INSTALLED_APPS = []', 'DATABASES = {', "    'default': {", "        'ENGINE': 'django.db.backends.postgresql',", "        'NAME': 'app',", `        'PASSWORD': ${pw},`, '    }', '}');

test('django/hardcoded-database-password: literal and fallback passwords', async () => {
  const f = await expectLines(rule, { 'mysite/settings.py': db("'Tr0ub4dor&3-prod'") }, ['mysite/settings.py:7']);
  assert.ok(!JSON.stringify(f).includes('Tr0ub4dor'));
  await expectLines(rule, { 'mysite/settings.py': db("os.environ.get('DB_PASSWORD', 'secure_password')") }, ['mysite/settings.py:7']);
});

test('django/hardcoded-database-password: env without fallback, placeholders, empty, development settings are silent', async () => {
  await expectLines(rule, { 'mysite/settings.py': db("os.environ['DB_PASSWORD']") }, []);
  await expectLines(rule, { 'mysite/settings.py': db("''") }, []);
  await expectLines(rule, { 'mysite/settings.py': db("'your_password_here'") }, []);
  await expectLines(rule, { 'proj/settings/base.py': text('INSTALLED_APPS = []'), 'proj/settings/development.py': db("'devpass'") }, []);
});
