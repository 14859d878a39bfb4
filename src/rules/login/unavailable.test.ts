import { test } from 'node:test';
import { expectFindings, response, target, URL0 } from '../../testing/probe/harness.js';
import rule from './unavailable.js';

const L = `${URL0}login`;
const T = { probeTarget: [target({ loginPath: '/login' })] };

test('login/unavailable: a login page answering 404 / 500, or not at all, is medium', async () => {
  await expectFindings(rule, { ...T, probeResponse: [response({ role: 'login', url: L, status: 404 })] }, [`${L} medium`]);
  await expectFindings(rule, { ...T, probeResponse: [response({ role: 'login', url: L, status: undefined, errorCode: 'ETIMEDOUT' })] }, [`${L} medium`]);
});

test('login/unavailable: 200 after a redirect is fine; without --login-path nothing is judged', async () => {
  await expectFindings(rule, { ...T, probeResponse: [response({ role: 'login', url: L, status: 302 }), response({ role: 'login', url: `${L}/`, hop: 1, status: 200 })] }, []);
  await expectFindings(rule, { probeResponse: [response({ role: 'login', url: L, status: 404 })] }, []);
});
