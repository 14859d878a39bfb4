import { test } from 'node:test';
import { expectFindings, form, URL0 } from '../../testing/probe/harness.js';
import rule from './insecure-form.js';

const L = `${URL0}login`;

test('login/insecure-form: an http:// action and method GET are high', async () => {
  await expectFindings(rule, { probeForm: [form({ action: 'http://app.example.test/login', actionUrl: 'http://app.example.test/login' })] }, [`${L} high`]);
  await expectFindings(rule, { probeForm: [form({ method: 'get' })] }, [`${L} high`]);
});

test('login/insecure-form: POST to a relative or https action is silent; GET search forms are not login forms', async () => {
  await expectFindings(rule, { probeForm: [form()] }, []);
  await expectFindings(rule, { probeForm: [form({ method: 'get', inputs: [{ name: 'q', type: 'search', valueLength: 0 }] })] }, []);
});
