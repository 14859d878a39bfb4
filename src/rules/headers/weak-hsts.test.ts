import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './weak-hsts.js';

const hsts = (v: string) => ({ probeResponse: [response({ headers: { 'strict-transport-security': v } })] });

test('headers/weak-hsts: short max-age / no includeSubDomains is low; max-age=0 or none is medium', async () => {
  const [f] = await expectFindings(rule, hsts('max-age=86400'), [`${URL0} low`]);
  assert.match(f!.message, /max-age=86400 \(1 days\), under one year and lacks includeSubDomains/);
  await expectFindings(rule, hsts('max-age=31536000'), [`${URL0} low`]);
  await expectFindings(rule, hsts('max-age=0'), [`${URL0} medium`]);
  await expectFindings(rule, hsts('includeSubDomains'), [`${URL0} medium`]);
});

test('headers/weak-hsts: one year with includeSubDomains (any case, quoted) is silent', async () => {
  await expectFindings(rule, hsts('max-age=31536000; includeSubDomains'), []);
  await expectFindings(rule, hsts('Max-Age="63072000"; IncludeSubDomains; preload'), []);
});
