import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, target, URL0 } from '../../testing/probe/harness.js';
import rule from './unexpected.js';

test("server/unexpected: the seed's AirTunes answering instead of the app is high; no Server header too", async () => {
  const [f] = await expectFindings(rule, { probeTarget: [target({ expectServer: 'gunicorn|nginx' })], probeResponse: [response({ status: 403, headers: { server: 'AirTunes/775.3.1' } })] }, [`${URL0} high`]);
  assert.match(f!.message, /AirTunes/);
  await expectFindings(rule, { probeTarget: [target({ expectServer: 'nginx' })], probeResponse: [response()] }, [`${URL0} high`]);
});

test('server/unexpected: a matching Server (case-insensitive), or no --expect-server, is silent', async () => {
  await expectFindings(rule, { probeTarget: [target({ expectServer: '^NGINX' })], probeResponse: [response({ headers: { server: 'nginx/1.24.0' } })] }, []);
  await expectFindings(rule, { probeTarget: [target()], probeResponse: [response({ headers: { server: 'AirTunes/775.3.1' } })] }, []);
});
