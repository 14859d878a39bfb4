import { test } from 'node:test';
import { cookie, expectFindings, form, response, target, URL0 } from '../../testing/probe/harness.js';
import rule from './missing-session-cookie.js';

const L = `${URL0}login`;
const withToken = form({ inputs: [{ name: 'csrf_token', type: 'hidden', valueLength: 91 }, { name: 'password', type: 'password', valueLength: 0 }] });
const page = response({ role: 'login', url: L });

test('login/missing-session-cookie: a CSRF token with no cookie set is medium', async () => {
  await expectFindings(rule, { probeTarget: [target({ loginPath: '/login' })], probeResponse: [page], probeForm: [withToken], probeCookie: [] }, [`${L} medium`]);
  // A cookie that deletes itself does not count.
  await expectFindings(rule, { probeTarget: [target({ loginPath: '/login' })], probeResponse: [page], probeForm: [withToken], probeCookie: [cookie({ name: 'session', role: 'login', url: L, expired: true })] }, [`${L} medium`]);
});

test('login/missing-session-cookie: a session cookie set, no token, a probe with --cookie, or no --login-path is silent', async () => {
  await expectFindings(rule, { probeTarget: [target({ loginPath: '/login' })], probeResponse: [page], probeForm: [withToken], probeCookie: [cookie({ name: 'session', role: 'login', url: L })] }, []);
  await expectFindings(rule, { probeTarget: [target({ loginPath: '/login' })], probeResponse: [page], probeForm: [form()], probeCookie: [] }, []);
  await expectFindings(rule, { probeTarget: [target({ loginPath: '/login', sentCookies: ['session'] })], probeResponse: [page], probeForm: [withToken], probeCookie: [] }, []);
  await expectFindings(rule, { probeResponse: [page], probeForm: [withToken], probeCookie: [] }, []);
});
