import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './wildcard-credentials.js';

test('cors/wildcard-credentials: * with credentials is medium, once per URL', async () => {
  const h = { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' };
  await expectFindings(rule, { probeResponse: [response({ role: 'cors-foreign', headers: h }), response({ role: 'cors-null', headers: h })] }, [`${URL0} medium`]);
});

test('cors/wildcard-credentials: * alone (public, credential-free) is silent', async () => {
  await expectFindings(rule, { probeResponse: [response({ role: 'cors-foreign', headers: { 'access-control-allow-origin': '*' } })] }, []);
});
