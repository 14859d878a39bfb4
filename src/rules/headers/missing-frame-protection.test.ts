import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './missing-frame-protection.js';

test('headers/missing-frame-protection: neither X-Frame-Options nor frame-ancestors is medium; ALLOW-FROM does not count', async () => {
  await expectFindings(rule, { probeResponse: [response()] }, [`${URL0} medium`]);
  await expectFindings(rule, { probeResponse: [response({ headers: { 'x-frame-options': 'ALLOW-FROM https://x.example' } })] }, [`${URL0} medium`]);
});

test('headers/missing-frame-protection: DENY, SAMEORIGIN or CSP frame-ancestors is silent; so is a JSON response', async () => {
  await expectFindings(rule, { probeResponse: [response({ headers: { 'x-frame-options': 'sameorigin' } })] }, []);
  await expectFindings(rule, { probeResponse: [response({ headers: { 'content-security-policy': "default-src 'self'; frame-ancestors 'none'" } })] }, []);
  await expectFindings(rule, { probeResponse: [response({ contentType: 'application/json' })] }, []);
});
