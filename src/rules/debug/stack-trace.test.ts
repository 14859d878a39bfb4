import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import { expressStack, nodeStackText, WERKZEUG_DEBUGGER } from '../../testing/probe/sites.js';
import rule from './stack-trace.js';

test('debug/stack-trace: Express / Node, Python, PHP and Java traces are high', async () => {
  const m = `${URL0}honban-1-x/%E0%A4%A`;
  const [f] = await expectFindings(rule, { probeResponse: [response({ role: 'malformed', url: m, status: 400, body: expressStack('%E0%A4%A') })] }, [`${m} high`]);
  assert.match(f!.message, /Node\.js stack trace .*broken URL encoding/);
  await expectFindings(rule, { probeResponse: [response({ status: 500, contentType: 'text/plain', body: nodeStackText() })] }, [`${URL0} high`]);
  await expectFindings(rule, { probeResponse: [response({ status: 500, contentType: 'text/plain', body: 'Traceback (most recent call last):\n  File "/srv/app/main.py", line 3, in <module>\nKeyError: \'x\'' })] }, [`${URL0} high`]);
  await expectFindings(rule, { probeResponse: [response({ status: 500, body: '<b>Fatal error</b>:  Uncaught Error: x in <b>/var/www/index.php</b> on line <b>7</b>' })] }, [`${URL0} high`]);
  await expectFindings(rule, { probeResponse: [response({ status: 500, contentType: 'text/plain', body: 'java.lang.NullPointerException\n\tat com.example.Foo.bar(Foo.java:12)\n\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:897)' })] }, [`${URL0} high`]);
});

test('debug/stack-trace: generic error pages are silent, and a Werkzeug page is left to its own rule', async () => {
  await expectFindings(rule, { probeResponse: [response({ status: 500, body: '<h1>Internal Server Error</h1><p>Something went wrong at our end.</p>' })] }, []);
  await expectFindings(rule, { probeResponse: [response({ status: 400, body: 'Bad Request: at least one field is missing' })] }, []);
  await expectFindings(rule, { probeResponse: [response({ status: 500, body: WERKZEUG_DEBUGGER })] }, []);
});
