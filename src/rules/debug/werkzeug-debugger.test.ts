import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import { djangoTechnical404, WERKZEUG_CONSOLE, WERKZEUG_DEBUGGER, WERKZEUG_JS } from '../../testing/probe/sites.js';
import rule from './werkzeug-debugger.js';

test('debug/werkzeug-debugger: the traceback page, /console and the resource URL are critical', async () => {
  const [f] = await expectFindings(rule, { probeResponse: [response({ status: 500, body: WERKZEUG_DEBUGGER })] }, [`${URL0} critical`]);
  assert.match(f!.message, /Werkzeug debugger/);
  assert.doesNotMatch(JSON.stringify(f), /Xb1r9fQeTzZk3YpQ0aL2/, 'the debugger SECRET is never echoed');
  await expectFindings(rule, { probeResponse: [response({ role: 'werkzeug-console', url: `${URL0}console`, body: WERKZEUG_CONSOLE })] }, [`${URL0}console critical`]);
  const res = `${URL0}?__debugger__=yes&cmd=resource&f=debugger.js`;
  await expectFindings(rule, { probeResponse: [response({ role: 'werkzeug-resource', url: res, contentType: 'text/javascript; charset=utf-8', body: WERKZEUG_JS })] }, [`${res} critical`]);
});

test('debug/werkzeug-debugger: an ordinary page, a 404 for /console and Django pages are silent', async () => {
  await expectFindings(rule, { probeResponse: [response({ body: '<html><body>Interactive Console is our product name</body></html>' }), response({ role: 'werkzeug-console', url: `${URL0}console`, status: 404, body: 'Not Found' })] }, []);
  // The resource URL answering the home page (debugger off) is not the debugger's JavaScript.
  await expectFindings(rule, { probeResponse: [response({ role: 'werkzeug-resource', url: `${URL0}?__debugger__=yes`, body: '<html>home</html>' })] }, []);
  await expectFindings(rule, { probeResponse: [response({ status: 404, body: djangoTechnical404('/x') })] }, []);
});
