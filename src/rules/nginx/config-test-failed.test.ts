import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runRules, text } from '../../testing/harness.js';
import { findNginx } from '../../collect/nginx-test.js';
import rule from './config-test-failed.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../../test/fixtures/nginx');
const nginx = findNginx();
/** Without nginx the tests skip visibly — except in CI, which installs nginx and must run them. */
const skip = nginx ? false : process.env.CI === 'true' ? false : 'nginx is not installed: apt-get install nginx openssl to run the nginx -t tests';

function read(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p).split(path.sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const run = (extra: Record<string, unknown> = {}, onNotice?: (line: string) => void) => ({ config: { rules: { 'nginx/config-test-failed': { options: { run: true, ...extra } } } }, onNotice });

test('nginx/config-test-failed: the bad fixture fails nginx -t at the line nginx names, in the included file', { skip }, async () => {
  assert.ok(nginx, 'CI=true: nginx must be installed (.ci/run installs it)');
  const logs: string[] = [];
  const f = await runRules(rule, read(path.join(fixtures, 'bad')), run({}, (l: string) => logs.push(l)));
  assert.deepEqual(f.map((x) => `${x.file}:${x.line}`), ['conf.d/app.conf:33']);
  assert.match(f[0]!.message, /unknown directive "proxy_set_headers"/);
  // The output says which certificates were replaced by throw-away ones.
  assert.match(f[0]!.message, /throw-away self-signed certificate .*\/etc\/letsencrypt\/live\/app\.example\.com\/fullchain\.pem/);
  assert.doesNotMatch(f[0]!.message, /honban-nginx-/, 'no temporary path in the message');
  assert.equal(logs.length, 1);
});

test('nginx/config-test-failed: the good fixture passes nginx -t (with throw-away certificates, said in the log)', { skip }, async () => {
  const logs: string[] = [];
  const f = await runRules(rule, read(path.join(fixtures, 'good')), run({}, (l: string) => logs.push(l)));
  assert.deepEqual([...f], []);
  assert.equal(logs.length, 1);
  assert.match(logs[0]!, /^nginx -t nginx\.conf: ok \(generated a throw-away self-signed certificate/);
});

test('nginx/config-test-failed: a conf.d fragment is tested inside a minimal main config; upstream host names are replaced and said so', { skip }, async () => {
  const logs: string[] = [];
  const f = await runRules(
    rule,
    {
      'nginx/conf.d/app.conf': text(
        'upstream backend { server app:8000; }',
        'server {',
        '    listen 80;',
        '    location / { proxy_pass http://backend; }',
        '    location /api/ { proxy_pass http://api-service:9000/v1/; }',
        '    location /x/ { return 200 "ok"; }',
        '    location /y/ { retrun 200; }',
        '}',
      ),
    },
    run({}, (l: string) => logs.push(l)),
  );
  assert.deepEqual(f.map((x) => `${x.file}:${x.line}`), ['nginx/conf.d/app.conf:7']);
  assert.match(logs[0]!, /upstream hosts app, api-service replaced with 127\.0\.0\.1/);
});

test('nginx/config-test-failed: does nothing unless asked (--nginx-test / options.run)', async () => {
  const f = await runRules(rule, { 'nginx/conf.d/app.conf': text('server {', '    listen 80;', '    bogus_directive on;', '}') });
  assert.deepEqual([...f], []);
});

test('nginx/config-test-failed: without nginx it is one clear error entry, not a crash', async () => {
  const all = (await runRules(rule, { 'nginx/conf.d/app.conf': text('server { listen 80; }') }, { ...run({ nginx: '/nonexistent/sbin/nginx' }), all: true })) as unknown as unknown[] & { errors?: { message: string }[] };
  assert.equal(all.length, 0);
  assert.equal(all.errors?.length, 1);
  assert.match(all.errors![0]!.message, /--nginx-test: \/nonexistent\/sbin\/nginx does not exist; install it/);
  assert.equal(all.errors![0]!.message.split('\n').length, 1);
});
