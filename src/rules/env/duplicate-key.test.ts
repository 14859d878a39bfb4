import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './duplicate-key.js';

test('env/duplicate-key: every repeated assignment after the first', async () => {
  const findings = await expectLines(rule, { '.env.production': text('DEBUG=False', 'A=1', 'DEBUG=True', 'export DEBUG=True') }, ['.env.production:3', '.env.production:4']);
  assert.match(findings[0]!.message, /^DEBUG is assigned again \(first on line 1\); dotenv uses the last/);
  assert.equal(findings[1]!.column, 8);
});

test('env/duplicate-key: distinct keys, and other environments, are silent', async () => {
  await expectLines(rule, { '.env.production': text('A=1', 'B=1', 'a=1'), '.env.development': text('A=1', 'A=2') }, []);
});
