import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, redirect } from '../../testing/probe/harness.js';
import rule from './missing-redirect.js';

const H = 'http://app.example.test/';

test('http/missing-redirect: plain HTTP serving the page is high', async () => {
  const [f] = await expectFindings(rule, { probeRedirect: [redirect([{ url: H, status: 200 }])] }, [`${H} high`]);
  assert.match(f!.message, /answers 200 instead of redirecting/);
});

test('http/missing-redirect: a redirect chain that stays on http is high; no Location is high', async () => {
  await expectFindings(rule, { probeRedirect: [redirect([{ url: H, status: 301, location: 'http://www.example.test/' }, { url: 'http://www.example.test/', status: 200 }])] }, [`${H} high`]);
  await expectFindings(rule, { probeRedirect: [redirect([{ url: H, status: 301 }])] }, [`${H} high`]);
});

test('http/missing-redirect: nothing listening on port 80 is low', async () => {
  await expectFindings(rule, { probeRedirect: [redirect([{ url: H, errorCode: 'ECONNREFUSED', error: 'refused' }])] }, [`${H} low`]);
});

test('http/missing-redirect: a redirect to https (directly or after hops) is silent', async () => {
  await expectFindings(rule, { probeRedirect: [redirect([{ url: H, status: 301, location: 'https://app.example.test/' }])] }, []);
  await expectFindings(rule, { probeRedirect: [redirect([{ url: H, status: 301, location: 'http://www.example.test/' }, { url: 'http://www.example.test/', status: 301, location: 'https://www.example.test/' }])] }, []);
});
