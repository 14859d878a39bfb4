import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './server-error.js';

test('http/server-error: 502 says the upstream is not listening', async () => {
  const [f] = await expectFindings(rule, { probeResponse: [response({ status: 502 })] }, [`${URL0} high`]);
  assert.match(f!.message, /upstream .* is not running/);
});

test('http/server-error: the final page of the redirect chain is judged; 2xx / 4xx are silent', async () => {
  await expectFindings(rule, { probeResponse: [response({ status: 302, headers: { location: '/login' } }), response({ url: `${URL0}login`, hop: 1, status: 200 })] }, []);
  await expectFindings(rule, { probeResponse: [response({ status: 404 })] }, []);
  await expectFindings(rule, { probeResponse: [response({ status: 302 }), response({ url: `${URL0}login`, hop: 1, status: 503 })] }, [`${URL0}login high`]);
});
