import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectEnvLines, runEnvTest } from '../../testing/env.js';
import { text } from '../../testing/harness.js';
import rule from './command-substitution.js';

test('env/command-substitution: $(…) is reported and never executed', async () => {
  const found = await expectEnvLines(rule, { '.env.production': text('SECRET_KEY=$(openssl rand -hex 32)', 'BUILD="built-$(date +%s)"') }, ['.env.production:1', '.env.production:2']);
  assert.match(found[0]!.message, /SECRET_KEY contains a command substitution/);
  const { resolution } = await runEnvTest(rule, { '.env.production': text('MARK=$(touch /tmp/honban-must-not-exist)') });
  assert.equal(resolution.vars.get('MARK')!.value, '$(touch /tmp/honban-must-not-exist)');
});

test('env/command-substitution: single quotes, escaped dollars and plain references are silent', async () => {
  await expectEnvLines(rule, { '.env.production': text("A='$(date)'", 'B=\\$(date)', 'C=${A}') }, []);
});
