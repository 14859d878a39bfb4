import { test } from 'node:test';
import { expectFindings, redirect } from '../../testing/probe/harness.js';
import rule from './indirect-redirect.js';

const H = 'http://app.example.test/';

test('http/indirect-redirect: http → http → https is medium; http → https on another host is low', async () => {
  await expectFindings(rule, { probeRedirect: [redirect([{ url: H, status: 301, location: 'http://www.example.test/' }, { url: 'http://www.example.test/', status: 301, location: 'https://www.example.test/' }])] }, [`${H} medium`]);
  await expectFindings(rule, { probeRedirect: [redirect([{ url: H, status: 301, location: 'https://www.example.test/' }])] }, [`${H} low`]);
});

test('http/indirect-redirect: straight to https on the same host (any port) is silent; never reaching https is left to missing-redirect', async () => {
  await expectFindings(rule, { probeRedirect: [redirect([{ url: H, status: 301, location: 'https://app.example.test:8443/' }])] }, []);
  await expectFindings(rule, { probeRedirect: [redirect([{ url: H, status: 301, location: 'http://www.example.test/' }, { url: 'http://www.example.test/', status: 200 }])] }, []);
});
