import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './missing-directive.js';

const csp = (v: string) => ({ probeResponse: [response({ headers: { 'content-security-policy': v } })] });

test('csp/missing-directive: no object-src (nor default-src) is medium; a nonce policy without base-uri too', async () => {
  const [f] = await expectFindings(rule, csp("script-src 'self'"), [`${URL0} medium`]);
  assert.match(f!.message, /no object-src/);
  const [g] = await expectFindings(rule, csp("script-src 'nonce-r4nd0mN0nc3v4lu3' 'strict-dynamic'; object-src 'none'"), [`${URL0} medium`]);
  assert.match(g!.message, /no base-uri/);
});

test("csp/missing-directive: default-src 'self' covers object-src; a complete nonce policy is silent", async () => {
  await expectFindings(rule, csp("default-src 'self'"), []);
  await expectFindings(rule, csp("script-src 'nonce-r4nd0mN0nc3v4lu3' 'strict-dynamic'; object-src 'none'; base-uri 'none'"), []);
});
