import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './upload-size-unlimited.js';

const view = text(
  'from flask import Flask, request',
  'app = Flask(__name__)',
  "@app.route('/submit', methods=['POST'])",
  'def submit():',
  "    uploaded = request.files.get('file')",
  '    return "ok"',
);

test('flask/upload-size-unlimited: request.files without a limit, or with MAX_CONTENT_LENGTH = None', async () => {
  await expectLines(rule, { 'app.py': view }, ['app.py:5']);
  await expectLines(rule, { 'app.py': view, 'config.py': text('class Config:', '    MAX_CONTENT_LENGTH = None') }, ['config.py:2']);
});

test('flask/upload-size-unlimited: a limit in shared config (seed 003), or no uploads, is silent; a dev-only limit is not enough', async () => {
  await expectLines(rule, { 'app.py': view, 'config.py': text('class Config:', '    MAX_CONTENT_LENGTH = 5 * 1024 * 1024  # 5MB') }, []);
  await expectLines(rule, { 'app.py': text('from flask import Flask', 'app = Flask(__name__)') }, []);
  await expectLines(rule, { 'app.py': view, 'config.py': text('class DevelopmentConfig:', '    MAX_CONTENT_LENGTH = 1024') }, ['app.py:5']);
});
