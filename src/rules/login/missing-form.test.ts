import { test } from 'node:test';
import { expectFindings, form, response, target, URL0 } from '../../testing/probe/harness.js';
import rule from './missing-form.js';

const L = `${URL0}login`;
const T = { probeTarget: [target({ loginPath: '/login' })] };

test('login/missing-form: a login page without a password form is info', async () => {
  await expectFindings(rule, { ...T, probeResponse: [response({ role: 'login', url: L, body: '<div id="app"></div><script src="/app.js"></script>' })], probeForm: [] }, [`${L} info`]);
  await expectFindings(rule, { ...T, probeResponse: [response({ role: 'login', url: L })], probeForm: [form({ inputs: [{ name: 'q', type: 'search', valueLength: 0 }] })] }, [`${L} info`]);
});

test('login/missing-form: a password form, an error page, or JSON is silent', async () => {
  await expectFindings(rule, { ...T, probeResponse: [response({ role: 'login', url: L })], probeForm: [form()] }, []);
  await expectFindings(rule, { ...T, probeResponse: [response({ role: 'login', url: L, status: 404 })], probeForm: [] }, []);
  await expectFindings(rule, { ...T, probeResponse: [response({ role: 'login', url: L, contentType: 'application/json' })], probeForm: [] }, []);
});
