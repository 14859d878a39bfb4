import { test } from 'node:test';
import { cookie, expectFindings, URL0 } from '../../testing/probe/harness.js';
import rule from './missing-secure.js';

test('cookie/missing-secure: a session cookie without Secure is high, another cookie medium, each name once', async () => {
  await expectFindings(rule, { probeCookie: [cookie({ name: 'session', secure: false }), cookie({ name: 'session', secure: false, url: `${URL0}login` }), cookie({ name: 'theme', secure: false })] }, [`${URL0} high`, `${URL0} medium`]);
  await expectFindings(rule, { probeCookie: [cookie({ name: 'tracking', secure: false, sameSite: 'None' })] }, [`${URL0} medium`]);
});

test('cookie/missing-secure: Secure cookies, deletions and cookies of a plain-http site are silent', async () => {
  await expectFindings(rule, { probeCookie: [cookie({ name: 'session' })] }, []);
  await expectFindings(rule, { probeCookie: [cookie({ name: 'session', secure: false, expired: true })] }, []);
  await expectFindings(rule, { probeCookie: [cookie({ name: 'session', secure: false, url: 'http://app.example.test/' })] }, []);
});
