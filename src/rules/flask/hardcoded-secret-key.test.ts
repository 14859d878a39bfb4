import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, runRules, text } from '../../testing/harness.js';
import rule from './hardcoded-secret-key.js';

const STRONG = 'q9X2vLr8TnB4zK7wP1sD6fH3jM5cV0aY';

test('flask/hardcoded-secret-key: literal keys and weak fallbacks (seed 000 / 003)', async () => {
  const findings = await expectLines(
    rule,
    {
      'run.py': text(
        'import os',
        'from flask import Flask',
        'app = Flask(__name__)',
        "app.config.setdefault('SECRET_KEY', os.environ.get('FLASK_SECRET_KEY') or 'change-me-locally')",
        `app.config['JWT_SECRET_KEY'] = '${STRONG}'`,
      ),
      'config.py': text(
        'import os',
        'class Config:',
        "    SECRET_KEY = os.environ.get('SECRET_KEY') or 'hard-to-guess-string'",
        'class DevelopmentConfig(Config):',
        "    SECRET_KEY = 'dev'",
        'class ProductionConfig(Config):',
        '    DEBUG = False',
      ),
    },
    ['config.py:3', 'run.py:4', 'run.py:5'],
  );
  assert.match(findings[0]!.message, /falls back.*SECRET_KEY is not set.*ProductionConfig inherits it from Config/);
  assert.equal(findings[2]!.severity, 'high');
  for (const f of findings) assert.ok(!f.message.includes('hard-to-guess') && !f.message.includes(STRONG) && !f.message.includes('change-me'), f.message);
});

test('flask/hardcoded-secret-key: a weak literal is critical; the value never appears in the output', async () => {
  const findings = await runRules(rule, { 'app.py': text('from flask import Flask', 'app = Flask(__name__)', "app.secret_key = 'super-secret-key-1234'") });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'critical');
  assert.ok(!JSON.stringify(findings).includes('super-secret-key-1234'));
});

test('flask/hardcoded-secret-key: env reads without fallback, overridden bases, development files are silent', async () => {
  await expectLines(
    rule,
    {
      'app.py': text('import os', 'from flask import Flask', 'app = Flask(__name__)', "app.config['SECRET_KEY'] = os.environ['FLASK_SECRET_KEY']", "app.config['JWT_SECRET_KEY'] = os.getenv('JWT_SECRET_KEY')"),
      'config.py': text('import os', 'class Config:', "    SECRET_KEY = 'dev'", 'class ProductionConfig(Config):', "    SECRET_KEY = os.environ['SECRET_KEY']"),
      'config_dev.py': text("SECRET_KEY = 'dev'"),
    },
    [],
  );
});
