import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './development-server.js';

test('server/development-server: Werkzeug and Django runserver are high', async () => {
  const [f] = await expectFindings(rule, { probeResponse: [response({ headers: { server: 'Werkzeug/3.0.1 Python/3.12.2' } })] }, [`${URL0} high`]);
  assert.match(f!.message, /Werkzeug's development server/);
  await expectFindings(rule, { probeResponse: [response({ headers: { server: 'WSGIServer/0.2 CPython/3.11.4' } })] }, [`${URL0} high`]);
});

test('server/development-server: gunicorn, nginx and puma are silent', async () => {
  await expectFindings(rule, { probeResponse: [response({ headers: { server: 'gunicorn' } })] }, []);
  await expectFindings(rule, { probeResponse: [response({ headers: { server: 'nginx/1.24.0' } })] }, []);
  await expectFindings(rule, { probeResponse: [response({ headers: { server: 'Puma 6.4' } })] }, []);
});
