import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './csrf-disabled.js';

test('flask/csrf-disabled: WTF_CSRF_ENABLED off, literally or by an env switch that defaults to off', async () => {
  await expectLines(
    rule,
    {
      'app.py': text(
        'import os',
        'from flask import Flask',
        'app = Flask(__name__)',
        "app.config['WTF_CSRF_ENABLED'] = os.environ.get('DISABLE_WTF_CSRF', '1') != '1'",
        'app.config.update(WTF_CSRF_CHECK_DEFAULT=False)',
      ),
      'config.py': text('class Config:', '    WTF_CSRF_ENABLED = False'),
    },
    ['app.py:4', 'app.py:5', 'config.py:2'],
  );
});

test('flask/csrf-disabled: an off switch by default, TestingConfig and test files are silent', async () => {
  await expectLines(
    rule,
    {
      'app.py': text('import os', 'from flask import Flask', 'app = Flask(__name__)', "app.config['WTF_CSRF_ENABLED'] = not os.environ.get('DISABLE_WTF_CSRF')"),
      'config.py': text('class Config:', '    WTF_CSRF_ENABLED = True', 'class TestingConfig(Config):', '    WTF_CSRF_ENABLED = False'),
      'tests/conftest.py': text('from app import app', "app.config['WTF_CSRF_ENABLED'] = False"),
    },
    [],
  );
});
