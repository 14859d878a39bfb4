import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import { RAILS_INFO, railsRoutingError } from '../../testing/probe/sites.js';
import rule from './rails-error-page.js';

test('debug/rails-error-page: the routing error page and /rails/info/properties are high', async () => {
  const u = `${URL0}honban-1`;
  await expectFindings(rule, { probeResponse: [response({ role: 'not-found', url: u, status: 404, body: railsRoutingError('/honban-1') })] }, [`${u} high`]);
  const info = `${URL0}rails/info/properties`;
  await expectFindings(rule, { probeResponse: [response({ role: 'rails-info', url: info, body: RAILS_INFO })] }, [`${info} high`]);
});

test("debug/rails-error-page: Rails' public/404.html is silent", async () => {
  await expectFindings(rule, { probeResponse: [response({ role: 'not-found', status: 404, body: "<title>The page you were looking for doesn't exist (404)</title><h1>The page you were looking for doesn't exist.</h1>" })] }, []);
});
