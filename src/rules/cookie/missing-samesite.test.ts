import { test } from 'node:test';
import { cookie, expectFindings, URL0 } from '../../testing/probe/harness.js';
import rule from './missing-samesite.js';

test('cookie/missing-samesite: a session cookie without SameSite is low, others info; an invalid value too', async () => {
  await expectFindings(rule, { probeCookie: [cookie({ name: 'session', sameSite: undefined }), cookie({ name: 'theme', sameSite: undefined, url: `${URL0}t` })] }, [`${URL0} low`, `${URL0}t info`]);
  await expectFindings(rule, { probeCookie: [cookie({ name: 'session', sameSite: 'Loose' })] }, [`${URL0} low`]);
});

test('cookie/missing-samesite: Lax, Strict and None are silent', async () => {
  await expectFindings(rule, { probeCookie: [cookie({ name: 'a', sameSite: 'Lax' }), cookie({ name: 'b', sameSite: 'strict' }), cookie({ name: 'c', sameSite: 'None' })] }, []);
});
