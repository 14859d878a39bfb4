import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './missing-deployment-surface.js';

test('contract/missing-deployment-surface: one info finding at the first required read, naming the variables', async () => {
  const f = await expectLines(
    rule,
    {
      'src/b.js': text('const a = process.env.API_KEY;', 'const b = process.env.API_URL;'),
      'src/a.js': text('', 'const c = process.env.DATABASE_URL;', 'const p = process.env.PORT;'),
      'Dockerfile': text('FROM node:20', 'ENV NODE_ENV=production'),
      '.env.development': text('API_KEY=dev'),
    },
    ['src/a.js:2'],
  );
  assert.equal(f[0]!.severity, 'info');
  assert.match(f[0]!.message, /reads 3 variables without a default \(API_KEY, API_URL, DATABASE_URL\)/);
  assert.match(f[0]!.message, /Dockerfile only sets image defaults/);
});

test('contract/missing-deployment-surface: silent with a production surface, or when every read has a default', async () => {
  await expectLines(rule, { 'app.js': text('const a = process.env.API_KEY;'), '.env.production': text('OTHER=1') }, []);
  await expectLines(rule, { 'app.js': text('const a = process.env.API_KEY || "";', 'const p = process.env.PORT;') }, []);
});

test('contract/missing-deployment-surface: .flaskenv (read by the Flask CLI only) is no deployment surface', async () => {
  const f = await expectLines(
    rule,
    { 'shop.py': text('import os', 'from flask import Flask', 'app = Flask(__name__)', "app.config['MAIL_SERVER'] = os.environ['MAIL_SERVER']"), '.flaskenv': text('FLASK_APP=shop.py', 'MAIL_SERVER=localhost') },
    ['shop.py:4'],
  );
  assert.match(f[0]!.message, /reads 1 variable without a default \(MAIL_SERVER\)/);
});
