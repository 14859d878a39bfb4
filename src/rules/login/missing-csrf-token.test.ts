import { test } from 'node:test';
import { expectFindings, form, URL0 } from '../../testing/probe/harness.js';
import rule from './missing-csrf-token.js';

const L = `${URL0}login`;

test('login/missing-csrf-token: a password form without a token is high; an empty token does not count', async () => {
  await expectFindings(rule, { probeForm: [form()] }, [`${L} high`]);
  await expectFindings(rule, { probeForm: [form({ inputs: [{ name: 'csrf_token', type: 'hidden', valueLength: 0 }, { name: 'password', type: 'password', valueLength: 0 }] })] }, [`${L} high`]);
});

test('login/missing-csrf-token: Flask-WTF, Django, Rails tokens or a csrf meta tag are fine; forms without password are not login forms', async () => {
  const pw = { name: 'password', type: 'password', valueLength: 0 };
  await expectFindings(rule, { probeForm: [form({ inputs: [{ name: 'csrf_token', type: 'hidden', valueLength: 91 }, pw] })] }, []);
  await expectFindings(rule, { probeForm: [form({ inputs: [{ name: 'csrfmiddlewaretoken', type: 'hidden', valueLength: 64 }, pw] })] }, []);
  await expectFindings(rule, { probeForm: [form({ inputs: [{ name: 'authenticity_token', type: 'hidden', valueLength: 86 }, pw] })] }, []);
  await expectFindings(rule, { probeForm: [form({ csrfMeta: ['csrf-token'] })] }, []);
  await expectFindings(rule, { probeForm: [form({ inputs: [{ name: 'q', type: 'search', valueLength: 0 }] })] }, []);
});
