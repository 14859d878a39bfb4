/**
 * Debug exposure against servers that behave like frameworks in development mode (pages written
 * for these tests): Werkzeug debugger, Django technical 404, Rails routing error, Express stack
 * traces — and a production server that shows none of them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProbeResponse } from '../../facts/probe.js';
import { domain, probeLive } from '../../testing/probe/live.js';
import { closedPort, type Handler, type Running } from '../../testing/probe/servers.js';
import { djangoTechnical404, expressStack, GOOD_HEADERS, HOME, RAILS_INFO, railsRoutingError, site, WERKZEUG_CONSOLE, WERKZEUG_DEBUGGER, WERKZEUG_JS } from '../../testing/probe/sites.js';
import { localServers } from '../../testing/probe/suite.js';

const local = localServers();
const { skip } = local;

const serve = (h: Handler): Promise<Running> => local.https(h);

/** Flask with debug=True: the home view raises, /console is the interactive console, the debugger serves its JS. */
const flaskDebug: Handler = (req, res) => {
  const u = new URL(req.url ?? '/', 'http://x');
  res.setHeader('server', 'Werkzeug/3.0.1 Python/3.12.2');
  if (u.searchParams.get('__debugger__') === 'yes' && u.searchParams.get('cmd') === 'resource') {
    res.setHeader('content-type', 'text/javascript; charset=utf-8');
    return res.end(WERKZEUG_JS);
  }
  res.setHeader('content-type', 'text/html; charset=utf-8');
  if (u.pathname === '/console') return res.end(WERKZEUG_CONSOLE);
  if (u.pathname === '/') {
    res.statusCode = 500;
    return res.end(WERKZEUG_DEBUGGER);
  }
  res.statusCode = 404;
  res.end('<!doctype html><title>404 Not Found</title><h1>Not Found</h1>');
};

/** Express in development: a malformed path makes decodeURIComponent throw; finalhandler prints the stack. */
const expressDev: Handler = (req, res) => {
  const path = (req.url ?? '/').split('?')[0]!;
  try {
    decodeURIComponent(path);
  } catch {
    res.statusCode = 400;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('x-powered-by', 'Express');
    return res.end(expressStack(path));
  }
  site({ main: { body: HOME, headers: GOOD_HEADERS } })(req, res);
};

const probe = async (s: Running) => probeLive(s.url, { caFile: local.caFile, httpUrl: `http://127.0.0.1:${await closedPort()}/` });

test('Werkzeug debugger (Flask debug=True): critical, found on the page, /console and the resource URL', { skip }, async () => {
  const r = await probe(await serve(flaskDebug));
  assert.ok(r.ids.includes('debug/werkzeug-debugger'));
  assert.ok(r.ids.includes('server/development-server'));
  const roles = r.of('debug/werkzeug-debugger').map((f) => ((r.facts.facts.probeResponse as ProbeResponse[]).find((x) => x.url === f.file)?.role));
  assert.deepEqual(roles.sort(), ['main', 'werkzeug-console', 'werkzeug-resource']);
  assert.ok(!r.ids.includes('debug/stack-trace'), 'the Werkzeug page is reported once, by its own rule');
  assert.equal(r.report.extra?.grade, 'F');
});

test("Django DEBUG = True: the technical 404 for a random path", { skip }, async () => {
  const s = await serve(site({ main: { body: HOME, headers: GOOD_HEADERS }, notFound: { status: 404, body: djangoTechnical404('/honban-x') } }));
  const r = await probe(s);
  assert.deepEqual(domain(r.ids, 'debug/'), ['debug/django-debug-page']);
  assert.match(r.of('debug/django-debug-page')[0]!.message, /found via a path that does not exist|broken URL encoding/);
});

test('Rails development: the routing error page and /rails/info/properties', { skip }, async () => {
  const s = await serve(site({ main: { body: HOME, headers: GOOD_HEADERS }, routes: { '/rails/info/properties': { body: RAILS_INFO } }, notFound: { status: 404, body: railsRoutingError('/honban-x') } }));
  const r = await probe(s);
  assert.deepEqual(domain(r.ids, 'debug/'), ['debug/rails-error-page']);
  assert.ok(r.of('debug/rails-error-page').some((f) => f.file.endsWith('/rails/info/properties')));
});

test('Express development: a stack trace for a malformed URL', { skip }, async () => {
  const r = await probe(await serve(expressDev));
  assert.deepEqual(domain(r.ids, 'debug/'), ['debug/stack-trace']);
  assert.match(r.of('debug/stack-trace')[0]!.message, /Node\.js stack trace \(found via a request with broken URL encoding\)/);
  assert.match(r.of('debug/stack-trace')[0]!.evidence ?? '', /node_modules\/express/);
});

test('a production server: plain 404 / 400 pages, no debug finding', { skip }, async () => {
  const prod: Handler = (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    try {
      decodeURIComponent(path);
    } catch {
      res.statusCode = 400;
      return res.end('Bad Request');
    }
    site({ main: { body: HOME, headers: GOOD_HEADERS } })(req, res);
  };
  const r = await probe(await serve(prod));
  assert.deepEqual(domain(r.ids, 'debug/'), []);
  assert.deepEqual(domain(r.ids, 'server/'), []);
});
