import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './secret-key-set-twice.js';

test('flask/secret-key-set-twice: app.secret_key next to config SECRET_KEY', async () => {
  await expectLines(
    rule,
    {
      'run.py': text('import os', 'from flask import Flask', 'app = Flask(__name__)', "app.config.from_object('config.Config')", "app.secret_key = os.environ['FLASK_SECRET_KEY']"),
      'config.py': text('import os', 'class Config:', "    SECRET_KEY = os.environ['FLASK_SECRET_KEY']"),
    },
    ['run.py:5'],
  );
});

test('flask/secret-key-set-twice: one way only, or the second way only in development, is silent', async () => {
  await expectLines(rule, { 'run.py': text('import os', 'from flask import Flask', 'app = Flask(__name__)', "app.config['SECRET_KEY'] = os.environ['K']") }, []);
  await expectLines(
    rule,
    {
      'run.py': text('import os', 'from flask import Flask', 'app = Flask(__name__)', "app.config['SECRET_KEY'] = os.environ['K']", "if os.environ.get('FLASK_ENV') == 'development':", "    app.secret_key = 'dev'"),
    },
    [],
  );
});
