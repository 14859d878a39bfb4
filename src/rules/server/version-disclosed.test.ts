import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './version-disclosed.js';

test('server/version-disclosed: a versioned Server and X-Powered-By are reported once each', async () => {
  await expectFindings(
    rule,
    {
      probeResponse: [
        response({ headers: { server: 'nginx/1.18.0 (Ubuntu)', 'x-powered-by': 'Express' } }),
        response({ role: 'not-found', url: `${URL0}honban-x`, status: 404, headers: { server: 'nginx/1.18.0 (Ubuntu)' } }),
      ],
    },
    [`${URL0} low`, `${URL0} low`],
  );
  await expectFindings(rule, { probeResponse: [response({ headers: { server: 'nginx' } }), response({ role: 'not-found', url: `${URL0}x`, status: 404, headers: { server: 'Apache/2.4.41 (Ubuntu)' } })] }, [`${URL0}x low`]);
});

test('server/version-disclosed: a bare product name is silent', async () => {
  await expectFindings(rule, { probeResponse: [response({ headers: { server: 'nginx' } })] }, []);
  await expectFindings(rule, { probeResponse: [response({ headers: { server: 'cloudflare' } })] }, []);
});
