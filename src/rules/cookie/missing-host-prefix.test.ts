import { test } from 'node:test';
import { cookie, expectFindings, URL0 } from '../../testing/probe/harness.js';
import rule from './missing-host-prefix.js';

test('cookie/missing-host-prefix: a Secure, host-only, Path=/ session cookie without __Host- is info', async () => {
  await expectFindings(rule, { probeCookie: [cookie({ name: 'session' })] }, [`${URL0} info`]);
});

test('cookie/missing-host-prefix: __Host- names, Domain cookies, non-Secure and non-session cookies are silent', async () => {
  await expectFindings(rule, { probeCookie: [cookie({ name: '__Host-session' }), cookie({ name: 'sid', domain: 'example.test' }), cookie({ name: 'sessionid', secure: false }), cookie({ name: 'theme' }), cookie({ name: 'auth', path: '/app' })] }, []);
});
