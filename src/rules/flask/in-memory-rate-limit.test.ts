import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './in-memory-rate-limit.js';

const head = ['import os', 'from flask import Flask', 'from flask_limiter import Limiter', 'from flask_limiter.util import get_remote_address', 'app = Flask(__name__)'];

test('flask/in-memory-rate-limit: no storage, memory://, and a memory fallback', async () => {
  await expectLines(rule, { 'app.py': text(...head, 'limiter = Limiter(get_remote_address, app=app)') }, ['app.py:6']);
  await expectLines(
    rule,
    {
      'app.py': text(...head, "limiter = Limiter(get_remote_address, app=app, storage_uri=os.environ.get('RATELIMIT_STORAGE_URI', 'memory://'))"),
      'config.py': text('class Config:', "    RATELIMIT_STORAGE_URI = 'memory://'"),
    },
    ['app.py:6', 'config.py:2'],
  );
});

test('flask/in-memory-rate-limit: Redis, a variable without fallback (seed 000 production), config key, dev config are silent', async () => {
  await expectLines(rule, { 'app.py': text(...head, "limiter = Limiter(app=app, key_func=get_remote_address, storage_uri=os.environ.get('RATELIMIT_STORAGE_URI'))") }, []);
  await expectLines(rule, { 'app.py': text(...head, "limiter = Limiter(get_remote_address, app=app, storage_uri='redis://redis:6379/0')") }, []);
  await expectLines(
    rule,
    {
      'app.py': text(...head, 'limiter = Limiter(get_remote_address, app=app)'),
      'config.py': text('import os', 'class Config:', "    RATELIMIT_STORAGE_URI = os.environ['RATELIMIT_STORAGE_URI']", 'class DevelopmentConfig(Config):', "    RATELIMIT_STORAGE_URI = 'memory://'"),
    },
    [],
  );
});
