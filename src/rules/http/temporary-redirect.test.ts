import { test } from 'node:test';
import { expectFindings, redirect } from '../../testing/probe/harness.js';
import rule from './temporary-redirect.js';

const H = 'http://app.example.test/';

test('http/temporary-redirect: 302 and 307 to https are reported', async () => {
  await expectFindings(rule, { probeRedirect: [redirect([{ url: H, status: 302, location: 'https://app.example.test/' }])] }, [`${H} low`]);
  await expectFindings(rule, { probeRedirect: [redirect([{ url: H, status: 307, location: 'https://app.example.test/' }])] }, [`${H} low`]);
});

test('http/temporary-redirect: 301 / 308 are silent, and so is a 302 that does not go to https', async () => {
  await expectFindings(rule, { probeRedirect: [redirect([{ url: H, status: 301, location: 'https://app.example.test/' }])] }, []);
  await expectFindings(rule, { probeRedirect: [redirect([{ url: H, status: 308, location: 'https://app.example.test/' }])] }, []);
  await expectFindings(rule, { probeRedirect: [redirect([{ url: H, status: 302, location: 'http://app.example.test/x' }])] }, []);
});
