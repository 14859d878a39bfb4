import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './invalid-syntax.js';

const csp = (v: string) => ({ probeResponse: [response({ headers: { 'content-security-policy': v } })] });

test('csp/invalid-syntax: a misspelled directive and an unquoted keyword are low', async () => {
  const [f] = await expectFindings(rule, csp("default-src 'self'; scirpt-src 'self'"), [`${URL0} low`]);
  assert.match(f!.message, /unknown directive "scirpt-src"/);
  const [g] = await expectFindings(rule, csp("default-src 'self'; script-src self"), [`${URL0} low`]);
  assert.match(g!.message, /invalid keyword/);
});

test('csp/invalid-syntax: a well-formed policy is silent', async () => {
  await expectFindings(rule, csp("default-src 'self'; script-src 'self'; object-src 'none'"), []);
});
