import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './wildcard-source.js';

const csp = (v: string) => ({ probeResponse: [response({ headers: { 'content-security-policy': v } })] });

test('csp/wildcard-source: * and bare schemes in script-src are medium, once each', async () => {
  await expectFindings(rule, csp("script-src *; object-src 'none'"), [`${URL0} medium`]);
  await expectFindings(rule, csp("script-src 'self' https: data:; object-src 'none'"), [`${URL0} medium`, `${URL0} medium`]);
});

test('csp/wildcard-source: explicit hosts, and * in img-src, are silent', async () => {
  await expectFindings(rule, csp("script-src 'self' https://static.example.test; object-src 'none'; img-src *"), []);
});
