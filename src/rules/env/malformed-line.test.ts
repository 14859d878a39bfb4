import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './malformed-line.js';

test('env/malformed-line: lines dotenv ignores or misreads', async () => {
  const findings = await expectLines(
    rule,
    { '.env.production': text('# comment', 'GOOD=1', 'MY KEY=1', 'DB_PASSWORD=abc#def', 'NAME="unclosed', 'K:v') },
    ['.env.production:3', '.env.production:4', '.env.production:5', '.env.production:6'],
  );
  assert.ok(!findings.some((f) => f.message.includes('abc')), 'never echoes a value');
  assert.equal(findings[1]!.column, 16);
});

test('env/malformed-line: well-formed files and development files are silent', async () => {
  await expectLines(rule, { '.env.production': text('A=1', 'export B="x # y"', "C='multi", "line'", '', '  # indented comment'), '.env.development': text('broken line') }, []);
});
