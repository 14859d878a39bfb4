import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './missing-csp.js';

test('headers/missing-csp: an HTML page without CSP is medium; Report-Only is called out', async () => {
  await expectFindings(rule, { probeResponse: [response()] }, [`${URL0} medium`]);
  const [f] = await expectFindings(rule, { probeResponse: [response({ headers: { 'content-security-policy-report-only': "default-src 'self'" } })] }, [`${URL0} medium`]);
  assert.match(f!.message, /Report-Only/);
});

test('headers/missing-csp: a page with CSP, or a JSON API response, is silent', async () => {
  await expectFindings(rule, { probeResponse: [response({ headers: { 'content-security-policy': "default-src 'self'" } })] }, []);
  await expectFindings(rule, { probeResponse: [response({ contentType: 'application/json' })] }, []);
});
