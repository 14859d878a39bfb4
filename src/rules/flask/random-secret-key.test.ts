import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './random-secret-key.js';

test('flask/random-secret-key: keys generated per process, directly or as a fallback', async () => {
  await expectLines(
    rule,
    {
      'app/__init__.py': text(
        'import os, secrets',
        'from flask import Flask',
        'app = Flask(__name__)',
        'app.secret_key = os.urandom(24)',
        "app.config['SECRET_KEY'] = os.environ.get('SECRET_KEY') or secrets.token_hex(32)",
        "app.config['WTF_CSRF_SECRET_KEY'] = os.urandom(16).hex()",
      ),
    },
    ['app/__init__.py:4', 'app/__init__.py:5', 'app/__init__.py:6'],
  );
});

test('flask/random-secret-key: fixed keys from the environment and development config are silent', async () => {
  await expectLines(
    rule,
    {
      'app.py': text('import os', 'from flask import Flask', 'app = Flask(__name__)', "app.config['SECRET_KEY'] = os.environ['SECRET_KEY']", 'session_id = os.urandom(16)'),
      'config.py': text('import os', 'class DevelopmentConfig:', '    SECRET_KEY = os.urandom(24)'),
    },
    [],
  );
});
