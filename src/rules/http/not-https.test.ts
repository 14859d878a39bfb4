import { test } from 'node:test';
import { expectFindings, target } from '../../testing/probe/harness.js';
import rule from './not-https.js';

test('http/not-https: an http:// site is reported', async () => {
  await expectFindings(rule, { probeTarget: [target({ url: 'http://app.example.test/' })] }, ['http://app.example.test/ high']);
});

test('http/not-https: an https:// site is silent', async () => {
  await expectFindings(rule, { probeTarget: [target()] }, []);
});
