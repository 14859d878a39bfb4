import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './insecure-session-cookie.js';

test('flask/insecure-session-cookie: explicit False (seed 000) and unset flags on the app', async () => {
  const f = await expectLines(
    rule,
    {
      'run.py': text(
        'import os',
        'from flask import Flask, session',
        'app = Flask(__name__)',
        "app.config.setdefault('SESSION_COOKIE_SECURE', False)",
        "app.config['SESSION_COOKIE_HTTPONLY'] = os.environ.get('COOKIE_HTTPONLY', '') != ''",
      ),
    },
    ['run.py:3', 'run.py:4', 'run.py:5'],
  );
  assert.match(f[0]!.message, /SESSION_COOKIE_SAMESITE is not set/);
  assert.equal(f[0]!.severity, 'low');
  assert.match(f[2]!.message, /when COOKIE_HTTPONLY is not set/);
});

test('flask/insecure-session-cookie: production config class decides; development class and Talisman defaults are fine', async () => {
  await expectLines(
    rule,
    {
      'app.py': text('from flask import Flask', 'from config import config', 'app = Flask(__name__)', "app.config.from_object(config['production'])"),
      'config.py': text(
        'class Config:',
        "    SESSION_COOKIE_SAMESITE = 'Lax'",
        'class DevelopmentConfig(Config):',
        '    SESSION_COOKIE_SECURE = False',
        'class ProductionConfig(Config):',
        '    SESSION_COOKIE_SECURE = True',
      ),
    },
    [],
  );
  await expectLines(rule, { 'app.py': text('from flask import Flask', 'from flask_talisman import Talisman', 'app = Flask(__name__)', 'Talisman(app)') }, []);
  const f = await expectLines(rule, { 'app.py': text('from flask import Flask, session', 'from flask_talisman import Talisman', 'app = Flask(__name__)', 'Talisman(app, session_cookie_secure=False)') }, ['app.py:3']);
  assert.match(f[0]!.message, /SESSION_COOKIE_SECURE is not set/);
});

test('flask/insecure-session-cookie: no Flask app, no finding', async () => {
  await expectLines(rule, { 'config.py': text('import flask', 'SESSION_COOKIE_HTTPONLY = True') }, []);
});

test('flask/insecure-session-cookie: an app that never uses a session gets no finding for absent flags', async () => {
  await expectLines(rule, { 'app.py': text('from flask import Flask', 'from redis import Redis', 'app = Flask(__name__)', "@app.route('/')", 'def hello():', "    return 'hi'") }, []);
  // Flask-Login (or flask.session) keeps state in the cookie: the same app is reported.
  await expectLines(rule, { 'app.py': text('from flask import Flask', 'from flask_login import LoginManager', 'app = Flask(__name__)', 'login = LoginManager(app)') }, ['app.py:3', 'app.py:3']);
});

test('flask/insecure-session-cookie: a Python file of the app that does not parse silences "not set" (the parse error is the entry)', async () => {
  const app = text('from flask import Flask, session', 'from config import Config', 'app = Flask(__name__)', 'app.config.from_object(Config)');
  const broken = text('class Config:', '    SECRET_KEY = "x"', '    if SECURE', '        SESSION_COOKIE_SECURE = True', '    SESSION_COOKIE_SAMESITE = "Lax"');
  const fixed = text('class Config:', '    SECRET_KEY = "x"', '    SESSION_COOKIE_SAMESITE = "Lax"');
  const f = await expectLines(rule, { 'app.py': app, 'config.py': broken }, [], { errors: [/^config\.py:3 Python syntax error/] });
  assert.equal(f.length, 0);
  await expectLines(rule, { 'app.py': app, 'config.py': fixed }, ['app.py:3']);
});
