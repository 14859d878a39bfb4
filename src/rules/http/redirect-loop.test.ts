import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFindings, response, URL0 } from '../../testing/probe/harness.js';
import rule from './redirect-loop.js';

const hop = (i: number, path: string, location: string, status = 302) => response({ hop: i, url: new URL(path, URL0).href, status, headers: { location } });

test('http/redirect-loop: a loop back to a visited URL is high', async () => {
  const [f] = await expectFindings(rule, { probeResponse: [hop(0, '/', '/login'), hop(1, '/login', '/')] }, [`${URL0} high`]);
  assert.match(f!.message, /redirects in a loop \(\/ → \/login → \/\)/);
});

test('http/redirect-loop: more than 10 same-site redirects without a page is high', async () => {
  const chain = Array.from({ length: 11 }, (_, i) => hop(i, i === 0 ? '/' : `/r${i}`, `/r${i + 1}`));
  const [f] = await expectFindings(rule, { probeResponse: chain }, [`${URL0} high`]);
  assert.match(f!.message, /still redirects after 11 same-site redirects \(\/ → \/r1 → \/r2 → … → \/r10 → \/r11\)/);
});

test('http/redirect-loop: a chain that ends on a page, a redirect to another origin, and an unreachable URL are silent', async () => {
  await expectFindings(rule, { probeResponse: [hop(0, '/', '/home', 301), response({ hop: 1, url: `${URL0}home` })] }, []);
  await expectFindings(rule, { probeResponse: [hop(0, '/', 'https://sso.example.test/login')] }, []);
  await expectFindings(rule, { probeResponse: [response({ status: undefined, errorCode: 'ECONNREFUSED' })] }, []);
  // Ten redirects are long but end somewhere the probe did not follow yet: not judged as endless.
  await expectFindings(rule, { probeResponse: Array.from({ length: 10 }, (_, i) => hop(i, i === 0 ? '/' : `/r${i}`, `/r${i + 1}`)) }, []);
});
