import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, runRules, text } from '../../testing/harness.js';
import rule from './broken-include.js';

test('nginx/broken-include: an include loop is reported at the include that closes it', async () => {
  const f = await expectLines(
    rule,
    {
      'nginx/nginx.conf': text('events {}', 'http {', '    include conf.d/*.conf;', '}'),
      'nginx/conf.d/a.conf': text('server { listen 80; include snippets/x.conf; }'),
      'nginx/snippets/x.conf': text('location / {', '    include snippets/x.conf;', '}'),
    },
    ['nginx/snippets/x.conf:2'],
  );
  assert.match(f[0]!.message, /snippets\/x\.conf → nginx\/snippets\/x\.conf|x\.conf/);
});

test('nginx/broken-include: a malformed included nginx file is a parse error of that file, not a finding; the rest still parses', async () => {
  const all = (await runRules(rule, {
    'nginx/nginx.conf': text('events {}', 'http {', '    include conf.d/*.conf;', '}'),
    'nginx/conf.d/bad.conf': text('server {', '    listen 80', '    location / { return 200 "x; }', '}'),
    'nginx/conf.d/good.conf': text('server { listen 81; }'),
  }, { all: true })) as unknown as { errors?: { file?: string; line?: number; kind: string }[] } & unknown[];
  assert.equal(all.length, 0);
  assert.equal(all.errors?.length, 1);
  assert.equal(all.errors![0]!.file, 'nginx/conf.d/bad.conf');
  assert.equal(all.errors![0]!.kind, 'parse');
  assert.equal(all.errors![0]!.line, 3);
});

test('nginx/broken-include: a malformed included file that is not an nginx file of its own is reported', async () => {
  await expectLines(
    rule,
    {
      'deploy/site.conf': text('server {', '    listen 80;', '    include ../shared/headers.inc;', '}'),
      'shared/headers.inc': text('add_header X-Frame-Options "DENY always;'),
    },
    ['deploy/site.conf:3'],
  );
});
