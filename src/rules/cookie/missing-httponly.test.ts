import { test } from 'node:test';
import { cookie, expectFindings, URL0 } from '../../testing/probe/harness.js';
import rule from './missing-httponly.js';

test('cookie/missing-httponly: session-like cookies without HttpOnly are medium', async () => {
  await expectFindings(rule, { probeCookie: [cookie({ name: 'sessionid', httpOnly: false }), cookie({ name: '_shop_session', httpOnly: false, url: `${URL0}a` })] }, [`${URL0} medium`, `${URL0}a medium`]);
});

test('cookie/missing-httponly: CSRF cookies and non-session cookies are meant to be readable', async () => {
  await expectFindings(rule, { probeCookie: [cookie({ name: 'csrftoken', httpOnly: false }), cookie({ name: 'XSRF-TOKEN', httpOnly: false }), cookie({ name: 'theme', httpOnly: false }), cookie({ name: 'session' })] }, []);
});
