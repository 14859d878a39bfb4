import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './sqlite-database.js';

const GENERATED = text(
  'default: &default',
  '  adapter: sqlite3',
  '  pool: 5',
  '',
  'development:',
  '  <<: *default',
  '  database: db/development.sqlite3',
  '',
  'production:',
  '  <<: *default',
  '  database: db/production.sqlite3',
);

test('rails/sqlite-database: sqlite3 merged into production from <<: *default, or written in a multi-database section', async () => {
  const f = await expectLines(rule, { 'config/database.yml': GENERATED }, ['config/database.yml:10']);
  assert.match(f[0]!.message, /The production database uses the sqlite3 adapter \(merged in by <<: at line 10 from line 2, file db\/production\.sqlite3\)/);
  await expectLines(
    rule,
    { 'config/database.yml': text('production:', '  primary:', '    adapter: postgresql', "    url: <%= ENV['DATABASE_URL'] %>", '  cache:', '    adapter: sqlite3', '    database: db/cache.sqlite3') },
    ['config/database.yml:6'],
  );
});

test('rails/sqlite-database: a server adapter, a URL from the environment, development sections, Rails 8 defaults are silent', async () => {
  await expectLines(rule, { 'config/database.yml': text('default: &default', '  adapter: postgresql', 'production:', '  <<: *default', '  database: app_production') }, []);
  await expectLines(rule, { 'config/database.yml': text('default: &default', '  adapter: sqlite3', 'production:', '  <<: *default', "  url: <%= ENV['DATABASE_URL'] %>") }, []);
  await expectLines(rule, { 'config/database.yml': text('development:', '  adapter: sqlite3', '  database: db/development.sqlite3') }, []);
  await expectLines(rule, { 'config/database.yml': GENERATED }, [], { environment: 'development' });
  await expectLines(
    rule,
    { 'config/database.yml': GENERATED, 'config/application.rb': text('module Shop', '  class Application < Rails::Application', '    config.load_defaults 8.0', '  end', 'end') },
    [],
  );
});
