import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './debug-enabled.js';

test('env/debug-enabled: debug switches and the Node inspector in production files', async () => {
  const findings = await expectLines(
    rule,
    {
      '.env.production': text('DEBUG=True', 'FLASK_DEBUG=0', 'APP_DEBUG=true', 'NODE_OPTIONS=--max-old-space-size=512 --inspect=0.0.0.0:9229'),
      'env/production/common.env': text('LOG_LEVEL=WARNING', 'DEBUG=1'),
    },
    ['.env.production:1', '.env.production:3', '.env.production:4', 'env/production/common.env:2'],
  );
  assert.equal(findings.find((f) => f.line === 4)!.severity, 'critical');
});

test('env/debug-enabled: the last assignment decides', async () => {
  await expectLines(rule, { '.env.production': text('DEBUG=1', 'DEBUG=0') }, []);
});

test('env/debug-enabled: .env.development is silent for production and not judged for development targets', async () => {
  const files = { '.env.development': text('DEBUG=1', 'FLASK_DEBUG=1') };
  await expectLines(rule, files, []);
  await expectLines(rule, files, [], { environment: 'development' });
  await expectLines(rule, { '.env.staging': text('DEBUG=yes') }, ['.env.staging:1'], { environment: 'staging' });
});

test('env/debug-enabled: .flaskenv is read (the Flask CLI loads it in every environment), at medium', async () => {
  const f = await expectLines(rule, { '.flaskenv': text('FLASK_APP=shop.py', 'FLASK_DEBUG=1'), 'shop.py': text('from flask import Flask', 'app = Flask(__name__)') }, ['.flaskenv:2']);
  assert.equal(f[0]!.severity, 'medium');
  assert.match(f[0]!.message, /Flask CLI loads in every environment/);
  await expectLines(rule, { '.flaskenv': text('FLASK_APP=shop.py', 'FLASK_DEBUG=0'), 'shop.py': text('from flask import Flask', 'app = Flask(__name__)') }, []);
  await expectLines(rule, { 'docs/flaskenv.txt': text('FLASK_DEBUG=1') }, []);
});
