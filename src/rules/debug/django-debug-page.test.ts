import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import { djangoTechnical404, railsRoutingError } from '../../testing/probe/sites.js';
import rule from './django-debug-page.js';

test("debug/django-debug-page: Django's technical 404 and 500 are high", async () => {
  const u = `${URL0}honban-1`;
  await expectFindings(rule, { probeResponse: [response({ role: 'not-found', url: u, status: 404, body: djangoTechnical404('/honban-1') })] }, [`${u} high`]);
  await expectFindings(rule, { probeResponse: [response({ status: 500, body: '<table><tr><th scope="row">Django Version:</th><td>5.0.2</td></tr></table>' })] }, [`${URL0} high`]);
});

test("debug/django-debug-page: Django's production 404 and a Rails page are silent", async () => {
  await expectFindings(rule, { probeResponse: [response({ role: 'not-found', status: 404, body: '<h1>Not Found</h1><p>The requested resource was not found on this server.</p>' })] }, []);
  await expectFindings(rule, { probeResponse: [response({ role: 'not-found', status: 404, body: railsRoutingError('/x') })] }, []);
});
