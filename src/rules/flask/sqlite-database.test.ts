import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './sqlite-database.js';

test('flask/sqlite-database: SQLite literal and SQLite fallback that production inherits', async () => {
  await expectLines(
    rule,
    {
      'config.py': text(
        'import os',
        'basedir = os.path.abspath(os.path.dirname(__file__))',
        'class Config:',
        "    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL') or 'sqlite:///' + 'app.db'",
        'class ProductionConfig(Config):',
        '    pass',
      ),
      'app.py': text('from flask import Flask', 'app = Flask(__name__)', "app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite:////tmp/x.sqlite3'"),
    },
    ['app.py:3', 'config.py:4'],
  );
});

test('flask/sqlite-database: required variable, PostgreSQL, SQLite in development only are silent', async () => {
  await expectLines(
    rule,
    {
      'config.py': text('import os', 'class Config:', "    SQLALCHEMY_DATABASE_URI = os.environ['DATABASE_URL']", 'class DevelopmentConfig(Config):', "    SQLALCHEMY_DATABASE_URI = 'sqlite:///dev.db'"),
      'app.py': text('from flask import Flask', 'app = Flask(__name__)', "app.config['SQLALCHEMY_DATABASE_URI'] = 'postgresql://db/app'"),
    },
    [],
  );
});
