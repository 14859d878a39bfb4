import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './unsafe-eval.js';

const csp = (v: string) => ({ probeResponse: [response({ headers: { 'content-security-policy': v } })] });

test("csp/unsafe-eval: 'unsafe-eval' in script-src is low", async () => {
  await expectFindings(rule, csp("script-src 'self' 'unsafe-eval'; object-src 'none'"), [`${URL0} low`]);
});

test("csp/unsafe-eval: without 'unsafe-eval' it is silent", async () => {
  await expectFindings(rule, csp("script-src 'self'; object-src 'none'"), []);
});
