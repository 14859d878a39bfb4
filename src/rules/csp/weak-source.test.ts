import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './weak-source.js';

const csp = (v: string) => ({ probeResponse: [response({ headers: { 'content-security-policy': v } })] });

test('csp/weak-source: http:// sources, IP addresses and short nonces are low', async () => {
  await expectFindings(rule, csp("script-src 'self' http://static.example.test; object-src 'none'"), [`${URL0} low`]);
  await expectFindings(rule, csp("script-src 'self' 127.0.0.1:5000; object-src 'none'"), [`${URL0} low`]);
  await expectFindings(rule, csp("script-src 'nonce-abc'; object-src 'none'; base-uri 'none'"), [`${URL0} low`]);
});

test('csp/weak-source: https hosts and long nonces are silent', async () => {
  await expectFindings(rule, csp("script-src 'self' https://static.example.test 'nonce-r4nd0mN0nc3v4lu3'; object-src 'none'; base-uri 'none'"), []);
});
