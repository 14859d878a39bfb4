import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './sqlite-database.js';

test('env/sqlite-database (honban env): SQLite URLs in production (high) and staging (medium) are reported', async () => {
  await expectEnvLines(rule, { '.env': text('DATABASE_URL=sqlite:///dev.db') }, ['.env:1']);
  const found = await expectEnvLines(rule, { '.env.staging': text('MKS_DATABASE_URL=sqlite:////var/lib/app/app.sqlite3') }, ['.env.staging:1'], { environment: 'staging' });
  assert.equal(found[0]!.severity, 'medium');
});

test('env/sqlite-database (honban env): a server database that overrides the shared SQLite default is silent', async () => {
  await expectEnvLines(rule, { '.env': text('DATABASE_URL=sqlite:///dev.db'), '.env.production': text('DATABASE_URL=postgresql://app@db.internal:5432/app'), '.env.test': text('TEST_DATABASE_URL=sqlite://') }, []);
});

test('env/sqlite-database (honban env): development is not judged (environment twin)', async () => {
  await expectEnvLines(rule, { '.env.development': text('DATABASE_URL=sqlite:///dev.db') }, [], { environment: 'development' });
});
