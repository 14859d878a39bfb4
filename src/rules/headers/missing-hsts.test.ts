import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './missing-hsts.js';

test('headers/missing-hsts: an https page without HSTS is medium (judged on the final page of the chain)', async () => {
  await expectFindings(rule, { probeResponse: [response()] }, [`${URL0} medium`]);
  await expectFindings(rule, { probeResponse: [response({ status: 302, headers: { 'strict-transport-security': 'max-age=31536000' } }), response({ url: `${URL0}login`, hop: 1 })] }, [`${URL0}login medium`]);
});

test('headers/missing-hsts: HSTS present, or a plain-http page (where it means nothing), is silent', async () => {
  await expectFindings(rule, { probeResponse: [response({ headers: { 'strict-transport-security': 'max-age=31536000' } })] }, []);
  await expectFindings(rule, { probeResponse: [response({ url: 'http://app.example.test/' })] }, []);
});
