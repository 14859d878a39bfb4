import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageInfo, tokenize } from './html.js';

test('tokenize: attributes quoted / unquoted / bare, comments and script text skipped', () => {
  const tokens = tokenize(`<!doctype html><!-- <form action="/no"> --><FORM Method=POST action='/login?a=1&amp;b=2' novalidate><script>if (a<b) document.write("<form>")</script><input name=x value="a&quot;b"></form>`);
  const starts = tokens.filter((t) => t.type === 'start').map((t) => (t.type === 'start' ? `${t.tag.name}:${JSON.stringify(t.tag.attrs)}` : ''));
  assert.deepEqual(starts, ['form:{"method":"POST","action":"/login?a=1&b=2","novalidate":""}', 'script:{}', 'input:{"name":"x","value":"a\\"b"}']);
});

test('pageInfo: forms with their inputs (values reduced to lengths) and csrf meta tags', () => {
  const info = pageInfo(`<meta name="csrf-token" content="tok3n-from-meta-123456"><form method="post"><input type="hidden" name="csrf_token" value="abcdefgh12345678"><input name="username"><input type="password" name="password"><button>Go</button></form><form action="/search"><input type="search" name="q"></form>`);
  assert.equal(info.forms.length, 2);
  assert.equal(info.forms[0]!.method, 'post');
  assert.deepEqual(info.forms[0]!.inputs, [
    { name: 'csrf_token', type: 'hidden', valueLength: 16 },
    { name: 'username', type: 'text', valueLength: 0 },
    { name: 'password', type: 'password', valueLength: 0 },
    { type: 'button', valueLength: 0 },
  ]);
  assert.equal(info.forms[1]!.method, 'get');
  assert.equal(info.forms[1]!.action, '/search');
  assert.deepEqual(info.csrfMeta, ['csrf-token']);
  assert.deepEqual(info.tokenValues.sort(), ['abcdefgh12345678', 'tok3n-from-meta-123456']);
  assert.doesNotMatch(JSON.stringify(info.forms), /abcdefgh12345678/);
});

test('pageInfo: inputs outside a form, and malformed HTML, do not crash', () => {
  assert.deepEqual(pageInfo('<input type=password><form><input type="hidden" name="t" value="').forms, [{ action: undefined, method: 'get', inputs: [{ name: 't', type: 'hidden', valueLength: 0 }] }]);
  assert.deepEqual(pageInfo('<<<>>> <form').forms.length, 1);
});
