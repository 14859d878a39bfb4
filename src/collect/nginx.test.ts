import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../contracts/errors.js';
import type { SourceFile } from '../contracts/types.js';
import { toSourceFiles } from '../commands/scan.js';
import collector from './nginx.js';
import { type NginxConfig } from '../facts/nginx/types.js';
import { parseNginx } from './nginx/parse.js';
import { servers, locations, listens, locationMatch, effectiveHeaders } from '../facts/nginx/query.js';

const strip = (ds: ReturnType<typeof parseNginx>): unknown =>
  ds.map((d) => (d.block ? { [d.name]: d.args, at: `${d.line}:${d.column}`, block: strip(d.block) } : { [d.name]: d.args, at: `${d.line}:${d.column}` }));

test('parseNginx: quoting, escapes, comments, variables, location modifiers and if conditions as nginx tokenizes them', () => {
  const src = [
    'http { # comment { not a block',
    '  server {',
    '    location ~* \\.(png|jpg)$ { return 200 "a\\"b;c\\n"; }',
    "    location = /x { add_header X-A 'it''s'; }",
    '    if ($request_method = "POST") { return 405; }',
    '    set $x ${host}a#b;',
    '    rewrite ^/(.*)$ https://$host/$1 permanent;',
    '  }',
    '}',
  ].join('\n');
  // 'it''s' is two words for nginx? No: after a closing quote nginx needs a separator — so use a valid file.
  assert.throws(() => parseNginx(src, 'x.conf'), (e: unknown) => e instanceof ParseError && e.line === 4 && /unexpected "'" after a quoted string/.test(e.message));
  const ok = parseNginx(src.replace("'it''s'", "'it\\'s'"), 'x.conf');
  assert.deepEqual(strip(ok), [
    {
      http: [],
      at: '1:1',
      block: [
        {
          server: [],
          at: '2:3',
          block: [
            { location: ['~*', '\\.(png|jpg)$'], at: '3:5', block: [{ return: ['200', 'a"b;c\n'], at: '3:32' }] },
            { location: ['=', '/x'], at: '4:5', block: [{ add_header: ['X-A', "it's"], at: '4:21' }] },
            { if: ['($request_method', '=', 'POST', ')'], at: '5:5', block: [{ return: ['405'], at: '5:37' }] },
            { set: ['$x', '${host}a#b'], at: '6:5' },
            { rewrite: ['^/(.*)$', 'https://$host/$1', 'permanent'], at: '7:5' },
          ],
        },
      ],
    },
  ]);
  const w = ok[0]!.block![0]!.block![0]!.block![0]!.words[2]!;
  assert.equal(w.raw, '"a\\"b;c\\n"');
  assert.equal(w.quote, '"');
  assert.equal(src.replace("'it''s'", "'it\\'s'").slice(w.offset, w.offset + w.raw.length), w.raw);
});

test('parseNginx: malformed files fail with nginx-like messages and positions', () => {
  const fail = (src: string, line: number, column: number, re: RegExp) =>
    assert.throws(() => parseNginx(src, 'x'), (e: unknown) => e instanceof ParseError && e.line === line && e.column === column && re.test(e.message), src);
  fail('server {\n  listen 80;\n', 1, 1, /expecting "}".*"server" block/);
  fail('server { listen 80; }\n}\n', 2, 1, /unexpected "}"/);
  fail('server {\n  return 200 "oops;\n}\n', 2, 14, /unterminated double-quoted string/);
  fail('listen 80', 1, 1, /expecting ";" or "}"/);
  fail('server { ; }', 1, 10, /unexpected ";"/);
  fail('server { listen 80 }', 1, 20, /unexpected "}"/);
});

function collectAll(files: Record<string, string>): { facts: NginxConfig[]; errors: string[] } {
  const list: SourceFile[] = toSourceFiles(Object.entries(files).map(([path, content]) => ({ path, content })));
  const ctx = { environment: 'production', files: list, customEnvs: [], registerSecret() {} };
  const facts: NginxConfig[] = [];
  const errors: string[] = [];
  for (const f of list.filter((x) => x.kind === 'nginx')) {
    try {
      const r = collector.collect(f, ctx) as NginxConfig | undefined;
      if (r) facts.push(r);
    } catch (e) {
      errors.push(`${f.path}:${(e as ParseError).line}: ${(e as Error).message}`);
    }
  }
  return { facts, errors };
}

test('nginx collector: includes resolve against the nginx.conf directory (nginx prefix), globs sorted, origins kept', () => {
  const { facts, errors } = collectAll({
    'deploy/nginx/nginx.conf': 'events {}\nhttp {\n    include /etc/nginx/mime.types;\n    include conf.d/*.conf;\n}\n',
    'deploy/nginx/conf.d/b.conf': 'server {\n    listen 443 ssl;\n    include snippets/h.conf;\n}\n',
    'deploy/nginx/conf.d/a.conf': 'upstream app { server 127.0.0.1:8000; }\n',
    'deploy/nginx/snippets/h.conf': 'add_header X-Frame-Options DENY;\n',
  });
  assert.deepEqual(errors, []);
  assert.equal(facts.length, 1, 'only nginx.conf is top level');
  const cfg = facts[0]!;
  assert.equal(cfg.file, 'deploy/nginx/nginx.conf');
  assert.equal(cfg.context, 'main');
  assert.deepEqual(cfg.files, ['deploy/nginx/nginx.conf', 'deploy/nginx/conf.d/a.conf', 'deploy/nginx/conf.d/b.conf', 'deploy/nginx/snippets/h.conf']);
  const http = cfg.directives.find((d) => d.name === 'http')!;
  const mime = http.block!.find((d) => d.name === 'include')!;
  assert.equal(mime.external, true);
  assert.deepEqual(http.block!.map((d) => `${d.name}@${d.file}:${d.line}`), [
    'include@deploy/nginx/nginx.conf:3',
    'include@deploy/nginx/nginx.conf:4',
    'upstream@deploy/nginx/conf.d/a.conf:1',
    'server@deploy/nginx/conf.d/b.conf:1',
  ]);
  const [srv] = servers(cfg);
  assert.equal(listens(srv!)[0]!.ssl, true);
  const h = effectiveHeaders(srv!.chain).headers.get('x-frame-options')!;
  assert.equal(`${h.file}:${h.line}`, 'deploy/nginx/snippets/h.conf:1');
});

test('nginx collector: a sites-enabled fragment is its own top level (http context); absolute /etc/nginx paths map into the repository', () => {
  const { facts } = collectAll({
    'etc/nginx/sites-enabled/app': 'server {\n    listen 80;\n    include /etc/nginx/snippets/acme.conf;\n    location ^~ /static/ { root /srv; }\n}\n',
    'etc/nginx/snippets/acme.conf': 'location /.well-known/acme-challenge/ { root /var/www/certbot; }\n',
  });
  assert.equal(facts.length, 1);
  assert.equal(facts[0]!.context, 'http');
  const locs = locations(servers(facts[0]!)[0]!).map((l) => `${locationMatch(l.node).modifier ?? ''}${locationMatch(l.node).path}@${l.node.file}`);
  assert.deepEqual(locs, ['/.well-known/acme-challenge/@etc/nginx/snippets/acme.conf', '^~/static/@etc/nginx/sites-enabled/app']);
});

test('nginx collector: an include loop is recorded, not followed forever; files in a pure loop still get a top level', () => {
  const { facts } = collectAll({
    'nginx/a.conf': 'server { listen 80; include b.conf; }\n',
    'nginx/b.conf': 'include a.conf;\n',
  });
  assert.equal(facts.length, 1);
  assert.equal(facts[0]!.problems.length, 1);
  assert.equal(facts[0]!.problems[0]!.kind, 'loop');
  assert.match(facts[0]!.problems[0]!.message, /nginx\/a\.conf → nginx\/b\.conf → nginx\/a\.conf/);
});

test('nginx collector: a malformed file is a ParseError of its own; the including file still yields a tree', () => {
  const { facts, errors } = collectAll({
    'nginx/nginx.conf': 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n',
    'nginx/conf.d/bad.conf': 'server {\n    listen 80;\n',
    'nginx/conf.d/ok.conf': 'server { listen 81; }\n',
  });
  assert.deepEqual(errors, ['nginx/conf.d/bad.conf:1: nginx: unexpected end of file, expecting "}" (the "server" block opened here is not closed)']);
  assert.equal(facts.length, 1);
  assert.equal(servers(facts[0]!).length, 1);
  assert.equal(facts[0]!.problems[0]!.kind, 'parse');
  assert.equal(facts[0]!.problems[0]!.reported, true);
});

test('nginx collector: credential values (Authorization headers, secret-named params) are registered for masking', () => {
  const list = toSourceFiles([{ path: 'nginx/conf.d/a.conf', content: 'server {\n  listen 80;\n  location / {\n    proxy_set_header Authorization "Basic dXNlcjpwYXNzd29yZA==";\n    proxy_set_header Host $host;\n    fastcgi_param DB_PASSWORD s3cr3t-pw;\n  }\n}\n' }]);
  const secrets: string[] = [];
  collector.collect(list[0]!, { environment: 'production', files: list, customEnvs: [], registerSecret: (v) => secrets.push(v) });
  assert.deepEqual(secrets, ['Basic dXNlcjpwYXNzd29yZA==', 's3cr3t-pw']);
});

test('nginx collector: an INI file in a conf.d directory (supervisord) is not nginx and is no parse error', () => {
  const { facts, errors } = collectAll({ 'etc/supervisor/conf.d/app.conf': '; supervisord\n[program:app]\ncommand=/srv/app/venv/bin/gunicorn app:app\n' });
  assert.deepEqual(errors, []);
  assert.deepEqual(facts, []);
});
