import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './sqlite-database.js';

test('env/sqlite-database: SQLite in production env files (S0.2)', async () => {
  await expectLines(
    rule,
    {
      '.env.production': text('DATABASE_URL=sqlite:///app.db', 'DB_CONNECTION=sqlite', 'DB_ENGINE=django.db.backends.sqlite3', 'DB_HOST=primary.db', 'CACHE_URL=sqlite:///c.db', 'DB_PATH=/data/app.sqlite3'),
    },
    ['.env.production:1', '.env.production:2', '.env.production:3', '.env.production:6'],
  );
});

test('env/sqlite-database: a server database, and SQLite in development, are fine', async () => {
  await expectLines(rule, { '.env.production': text('DATABASE_URL=postgresql://app@db:5432/app'), '.env.development': text('DATABASE_URL=sqlite:///dev.db') }, []);
});
