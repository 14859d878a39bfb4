/**
 * End to end over the realistic nginx trees in test/fixtures/nginx: nginx.conf + conf.d/*.conf +
 * snippets/ (+ sites-enabled/), discovered from disk exactly as `honban scan` does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '../../commands/scan.js';
import { rulesOf } from '../index.js';

const rules = rulesOf('nginx');

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../../test/fixtures/nginx');

test('nginx fixtures: the bad tree reports every planted problem at its file:line', async () => {
  const { report } = await scan({ paths: [path.join(fixtures, 'bad')], rules, config: {} });
  assert.deepEqual(report.errors, []);
  const got = report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort();
  assert.deepEqual(got, [
    'nginx/add-header-dropped conf.d/app.conf:22',
    'nginx/alias-traversal conf.d/app.conf:21',
    'nginx/default-site-enabled sites-enabled/default:3',
    'nginx/directory-listing conf.d/app.conf:27',
    'nginx/http-not-redirected conf.d/app.conf:2',
    'nginx/http-not-redirected sites-enabled/default:4',
    'nginx/large-client-body nginx.conf:20',
    'nginx/missing-forwarded-proto conf.d/app.conf:31',
    'nginx/missing-forwarded-proto conf.d/app.conf:6',
    'nginx/missing-security-headers conf.d/app.conf:1',
    'nginx/missing-security-headers conf.d/app.conf:11',
    'nginx/missing-security-headers sites-enabled/default:3',
    'nginx/obsolete-xss-protection snippets/headers.conf:3',
    'nginx/version-disclosed nginx.conf:11',
    'nginx/weak-hsts snippets/headers.conf:1',
    'nginx/weak-tls-cipher nginx.conf:17',
    'nginx/weak-tls-protocol nginx.conf:16',
  ]);
  assert.equal(report.exitCode, 1);
});

test('nginx fixtures: the good tree scans clean', async () => {
  const { report } = await scan({ paths: [path.join(fixtures, 'good')], rules, config: {} });
  assert.deepEqual(report.errors, []);
  assert.deepEqual(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`), []);
});
