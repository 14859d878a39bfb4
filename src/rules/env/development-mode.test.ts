import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './development-mode.js';

test('env/development-mode: development and other environments named in production files', async () => {
  const findings = await expectLines(
    rule,
    {
      '.env.production': text('FLASK_ENV=development', 'NODE_ENV=production', 'RAILS_ENV=test', 'ENVIRONMENT=staging'),
      '.env': text('NODE_ENV=dev'),
    },
    ['.env:1', '.env.production:1', '.env.production:3', '.env.production:4'],
  );
  assert.deepEqual(findings.map((f) => f.severity), ['high', 'high', 'high', 'medium']);
  assert.equal(findings[1]!.column, 11);
});

test('env/development-mode: development files are silent; staging may say staging or production', async () => {
  await expectLines(rule, { '.env.development': text('FLASK_ENV=development') }, []);
  // NODE_ENV=production is how a staging build should run (the judgement `honban env` had).
  await expectLines(rule, { '.env.staging': text('ENVIRONMENT=staging', 'NODE_ENV=production', 'RAILS_ENV=development') }, ['.env.staging:3'], { environment: 'staging' });
});

test('env/development-mode: FLASK_ENV=development in .flaskenv is medium (the Flask CLI reads it in every environment)', async () => {
  const f = await expectLines(rule, { '.flaskenv': text('FLASK_APP=shop.py', 'FLASK_ENV=development') }, ['.flaskenv:2']);
  assert.equal(f[0]!.severity, 'medium');
  await expectLines(rule, { '.flaskenv': text('FLASK_APP=shop.py', 'FLASK_ENV=production') }, []);
});
