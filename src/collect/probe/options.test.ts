import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../contracts/errors.js';
import { parseIntOption, resolveOptions } from './options.js';

test('resolveOptions: defaults — https assumed, http URL on port 80 with the same path, 10 s timeout', () => {
  const o = resolveOptions({ url: 'app.example.test:8443/app?x=1' });
  assert.equal(o.url.href, 'https://app.example.test:8443/app?x=1');
  assert.equal(o.httpUrl?.href, 'http://app.example.test/app?x=1');
  assert.equal(o.timeoutMs, 10000);
  assert.equal(o.load, undefined);
  assert.ok(o.ca.length > 100, 'system roots are trusted');
});

test('resolveOptions: headers and cookies are sent, their values registered as secrets, names kept', () => {
  const o = resolveOptions({ url: 'https://x.test', headers: ['Authorization: Bearer tok-123456789', 'X-Trace: abcd'], cookies: ['session=sess-value-1; theme=dark'] });
  assert.equal(o.headers.authorization, 'Bearer tok-123456789');
  assert.equal(o.headers.cookie, 'session=sess-value-1; theme=dark');
  assert.deepEqual(o.headerNames, ['Authorization', 'X-Trace']);
  assert.deepEqual(o.cookieNames, ['session', 'theme']);
  for (const s of ['Bearer tok-123456789', 'tok-123456789', 'abcd', 'sess-value-1', 'dark']) assert.ok(o.secrets.includes(s), s);
});

test('resolveOptions: load caps and validation are usage errors', () => {
  assert.deepEqual(resolveOptions({ url: 'https://x.test', load: 100, concurrency: 10 }).load, { requests: 100, concurrency: 10 });
  assert.deepEqual(resolveOptions({ url: 'https://x.test', load: 5 }).load, { requests: 5, concurrency: 5 });
  const bad: [object, RegExp][] = [
    [{ load: 10001 }, /--load must be an integer from 1 to 10000/],
    [{ load: 10, concurrency: 11 }, /--concurrency must be an integer from 1 to 10/],
    [{ concurrency: 3 }, /--concurrency needs --load/],
    [{ timeoutMs: 0 }, /--timeout/],
    [{ headers: ['no colon'] }, /--header must look like/],
    [{ headers: ['Host: evil'] }, /--header Host cannot be set/],
    [{ cookies: ['=x'] }, /--cookie must look like/],
    [{ expectServer: '(' }, /--expect-server is not a pattern honban can run: missing closing \)/], [{ expectServer: '(?=x)' }, /lookahead/],
    [{ loginPath: 'https://elsewhere/login' }, /must be a path/],
    [{ httpUrl: 'https://x.test' }, /--http-url must be an http:\/\/ URL/],
    [{ caFile: '/nonexistent/ca.pem' }, /cannot read --ca/],
  ];
  for (const [extra, re] of bad) assert.throws(() => resolveOptions({ url: 'https://x.test', ...extra }), (e: unknown) => e instanceof UserError && re.test(e.message), JSON.stringify(extra));
  assert.throws(() => resolveOptions({ url: 'ftp://x.test' }), /http:\/\/ or https:\/\//);
  assert.throws(() => resolveOptions({ url: 'https://user:pw@x.test' }), /must not carry credentials/);
});

test('parseIntOption accepts whole numbers only', () => {
  assert.equal(parseIntOption('100', '--load'), 100);
  assert.equal(parseIntOption(undefined, '--load'), undefined);
  assert.throws(() => parseIntOption('1e3', '--load'), /whole number/);
  assert.throws(() => parseIntOption('-5', '--load'), /whole number/);
});
