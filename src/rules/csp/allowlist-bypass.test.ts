import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './allowlist-bypass.js';

const csp = (v: string) => ({ probeResponse: [response({ headers: { 'content-security-policy': v } })] });

test('csp/allowlist-bypass: CDN hosts with JSONP / AngularJS in script-src are medium (the seed\'s cdn.jsdelivr.net)', async () => {
  const [f] = await expectFindings(rule, csp("default-src 'self'; script-src 'self' https://cdn.jsdelivr.net https://ajax.googleapis.com"), [`${URL0} medium`, `${URL0} medium`]);
  assert.match(f!.message, /cdn\.jsdelivr\.net|ajax\.googleapis\.com/);
});

test("csp/allowlist-bypass: 'self' alone, and own static hosts, are silent", async () => {
  await expectFindings(rule, csp("default-src 'self'; script-src 'self' https://static.example.test"), []);
});
