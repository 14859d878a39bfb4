import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './missing-nosniff.js';

test('headers/missing-nosniff: absent or a wrong value is low', async () => {
  await expectFindings(rule, { probeResponse: [response()] }, [`${URL0} low`]);
  await expectFindings(rule, { probeResponse: [response({ headers: { 'x-content-type-options': 'sniff' } })] }, [`${URL0} low`]);
});

test('headers/missing-nosniff: nosniff (any case) is silent', async () => {
  await expectFindings(rule, { probeResponse: [response({ headers: { 'x-content-type-options': 'NoSniff' } })] }, []);
});
