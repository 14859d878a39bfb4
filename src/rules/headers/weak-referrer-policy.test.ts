import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './weak-referrer-policy.js';

const rp = (v: string) => ({ probeResponse: [response({ headers: { 'referrer-policy': v } })] });

test('headers/weak-referrer-policy: missing, unsafe-url, no-referrer-when-downgrade or nonsense is low', async () => {
  await expectFindings(rule, { probeResponse: [response()] }, [`${URL0} low`]);
  await expectFindings(rule, rp('unsafe-url'), [`${URL0} low`]);
  await expectFindings(rule, rp('strict-origin, no-referrer-when-downgrade'), [`${URL0} low`]);
  await expectFindings(rule, rp('whatever'), [`${URL0} low`]);
});

test('headers/weak-referrer-policy: strict policies are silent (the last known one wins)', async () => {
  await expectFindings(rule, rp('strict-origin-when-cross-origin'), []);
  await expectFindings(rule, rp('no-referrer'), []);
  await expectFindings(rule, rp('unsafe-url, same-origin'), []);
});
