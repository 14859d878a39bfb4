import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './reflected-origin.js';

const FOREIGN = 'https://honban-abc.invalid';
const cors = (role: 'cors-foreign' | 'cors-null', origin: string, h: Record<string, string>) => response({ role, requestHeaders: { origin }, headers: h });

test('cors/reflected-origin: a foreign Origin reflected with credentials is high; Origin null too; without credentials low', async () => {
  const [f] = await expectFindings(rule, { probeResponse: [cors('cors-foreign', FOREIGN, { 'access-control-allow-origin': FOREIGN, 'access-control-allow-credentials': 'true' })] }, [`${URL0} high`]);
  assert.match(f!.message, /with credentials/);
  await expectFindings(rule, { probeResponse: [cors('cors-null', 'null', { 'access-control-allow-origin': 'null', 'access-control-allow-credentials': 'true' })] }, [`${URL0} high`]);
  await expectFindings(rule, { probeResponse: [cors('cors-foreign', FOREIGN, { 'access-control-allow-origin': FOREIGN })] }, [`${URL0} low`]);
});

test('cors/reflected-origin: an allow-list that ignores the foreign origin, or *, is silent', async () => {
  await expectFindings(rule, { probeResponse: [cors('cors-foreign', FOREIGN, {}), cors('cors-null', 'null', {})] }, []);
  await expectFindings(rule, { probeResponse: [cors('cors-foreign', FOREIGN, { 'access-control-allow-origin': 'https://app.example.test', 'access-control-allow-credentials': 'true' })] }, []);
  await expectFindings(rule, { probeResponse: [cors('cors-foreign', FOREIGN, { 'access-control-allow-origin': '*' })] }, []);
});
