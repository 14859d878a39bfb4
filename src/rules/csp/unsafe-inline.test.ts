import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './unsafe-inline.js';

const csp = (v: string) => ({ probeResponse: [response({ headers: { 'content-security-policy': v } })] });

test("csp/unsafe-inline: 'unsafe-inline' in script-src or default-src without nonce is medium", async () => {
  await expectFindings(rule, csp("default-src 'self'; script-src 'self' 'unsafe-inline'"), [`${URL0} medium`]);
  await expectFindings(rule, csp("default-src 'self' 'unsafe-inline'"), [`${URL0} medium`]);
});

test("csp/unsafe-inline: a nonce makes 'unsafe-inline' inert; style-src only is silent", async () => {
  await expectFindings(rule, csp("script-src 'nonce-r4nd0mN0nc3v4lu3' 'unsafe-inline' 'strict-dynamic'; object-src 'none'; base-uri 'none'"), []);
  await expectFindings(rule, csp("default-src 'self'; style-src 'self' 'unsafe-inline'"), []);
  await expectFindings(rule, { probeResponse: [response()] }, []);
});
