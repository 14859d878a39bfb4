import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './nginx-config-test-failed.js';
import { expectHostLines } from '../../testing/host-rules.js';

test('a failing nginx -t is reported at the file and line nginx names', async () => {
  const [f] = await expectHostLines(rule, { hostNginxTest: [{ file: 'host:nginx -t', ok: false, messages: [{ level: 'emerg', text: 'unknown directive "proxy_passs" in /etc/nginx/sites-enabled/app:12', file: 'etc/nginx/sites-enabled/app', line: 12 }] }] }, ['etc/nginx/sites-enabled/app:12']);
  assert.match(f!.message, /proxy_passs/);
});

test('a failure without a location points at the command; a passing test is fine', async () => {
  await expectHostLines(rule, { hostNginxTest: [{ file: 'host:nginx -t', ok: false, messages: [] }] }, ['host:nginx -t:-']);
  await expectHostLines(rule, { hostNginxTest: [{ file: 'host:nginx -t', ok: true, messages: [{ level: 'notice', text: 'syntax is ok' }] }] }, []);
});
