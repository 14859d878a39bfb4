import { test } from 'node:test';
import assert from 'node:assert/strict';
import { externalUrl, parseTemplate } from './template.js';
import { text } from '../testing/harness.js';

test('template collector: external scripts and stylesheets with positions, template syntax inside tags', () => {
  const f = parseTemplate(
    'templates/base.html',
    'shared',
    text(
      '<!doctype html>',
      '<html><head>',
      '  <link rel="preload stylesheet" href="https://cdn.jsdelivr.net/npm/a.css" integrity="sha384-x">',
      '  <link rel=stylesheet href=//fonts.googleapis.com/css>',
      '  <link rel="icon" href="https://example.com/favicon.ico">',
      '  <script {% if defer %}defer{% endif %} src="https://unpkg.com/htmx.org@1.9.0"></script>',
      '  <script src="{{ url_for(\'static\', filename=\'app.js\') }}"></script>',
      '  <script src="https://{{ cdn_host }}/lib.js"></script>',
      '  <script src="<%= asset_path(\'x.js\') %>"></script>',
      '</head>',
    ),
  );
  assert.deepEqual(f.styles.map((s) => `${s.host} ${s.scheme} ${s.integrity} ${s.line}:${s.column}`), ['cdn.jsdelivr.net https true 3:40', 'fonts.googleapis.com // false 4:29']);
  assert.deepEqual(f.scripts.map((s) => `${s.host} ${s.line}:${s.column}`), ['unpkg.com 6:47']);
});

test('template collector: comments hide markup; script bodies are raw text; inline code is recorded', () => {
  const f = parseTemplate(
    'templates/page.html',
    'shared',
    text(
      '<!-- <script src="https://evil.example/a.js"></script> -->',
      '{# <script src="https://cdn.example/b.js"></script> #}',
      '<%# <script src="https://cdn.example/c.js"></script> %>',
      '<script>',
      '  document.write(\'<script src="https://cdn.example/d.js"></scr\' + \'ipt>\');',
      '</script>',
      '<script nonce="{{ csp_nonce() }}">init()</script>',
      '<script type="application/ld+json">{"a": 1}</script>',
      '<script type="text/x-template"><div onclick="x()"></div></script>',
      '<style>body { color: red }</style>',
      '<a href="#" onclick="go()" onmouseover="">x</a>',
      '<script></script>',
    ),
  );
  assert.deepEqual(f.scripts, []);
  assert.deepEqual(f.inline.map((i) => `${i.kind} ${i.hasNonce} ${i.attribute ?? ''} ${i.line}:${i.column}`), ['script false  4:1', 'script true  7:1', 'style false  10:1', 'handler false onclick 11:13']);
});

test('template collector: externalUrl parses hosts and rejects templated or relative URLs', () => {
  assert.deepEqual(externalUrl('https://CDN.example.com:443/x.js'), { host: 'cdn.example.com', scheme: 'https' });
  assert.deepEqual(externalUrl('http://a.example/x'), { host: 'a.example', scheme: 'http' });
  assert.equal(externalUrl('/static/app.js'), undefined);
  assert.equal(externalUrl('https://{{ host }}/x.js'), undefined);
  assert.equal(externalUrl('data:text/javascript,1'), undefined);
});
