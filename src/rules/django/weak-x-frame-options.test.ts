import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './weak-x-frame-options.js';

test('django/weak-x-frame-options: values browsers ignore', async () => {
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', "X_FRAME_OPTIONS = 'ALLOWALL'") }, ['mysite/settings.py:2']);
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', "X_FRAME_OPTIONS = 'ALLOW-FROM https://partner.example'") }, ['mysite/settings.py:2']);
});

test('django/weak-x-frame-options: DENY, SAMEORIGIN, unset (default DENY), development settings are silent', async () => {
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []', "X_FRAME_OPTIONS = 'SAMEORIGIN'") }, []);
  await expectLines(rule, { 'mysite/settings.py': text('INSTALLED_APPS = []') }, []);
  await expectLines(rule, { 'proj/settings/base.py': text('INSTALLED_APPS = []'), 'proj/settings/dev.py': text('from .base import *', "X_FRAME_OPTIONS = 'ALLOWALL'") }, []);
});
