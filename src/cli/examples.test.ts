/**
 * The README's quick start: `honban scan examples/flask-leaky` shows real findings from every
 * domain; the hardened twin scans clean at --fail-on medium.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { honban } from '../testing/cli.js';

interface F { ruleId: string; file: string; line?: number; severity: string; status: string }

function scanJson(dir: string, extra: string[] = []) {
  const r = honban(['scan', dir, '--format', 'json', ...extra]);
  return { code: r.code, report: JSON.parse(r.stdout) as { findings: F[]; errors: unknown[]; summary: Record<string, number> } };
}

test('examples/flask-leaky: the development leftovers of seeds 000 and 003, each at its line', () => {
  const { code, report } = scanJson('examples/flask-leaky');
  assert.equal(code, 1);
  assert.deepEqual(report.errors, []);
  const got = new Set(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`));
  const expected = [
    'env/development-mode .env.production:2',
    'env/weak-secret .env.production:4',
    'env/production-file-not-ignored .env.production:4',
    'env/sqlite-database .env.production:5',
    'env/in-memory-rate-limit .env.production:6',
    'env/dangerous-switch .env.production:7',
    'env/dangerous-switch .env.production:8',
    'env/dangerous-switch .env.production:9',
    'env/placeholder-value .env.production:10',
    'secret/known-credential .env.production:12',
    'env/duplicate-key .env.production:14',
    'docker/root-user Dockerfile:1',
    'docker/unpinned-base-image Dockerfile:1',
    'docker/missing-healthcheck Dockerfile:1',
    'docker/secret-in-env Dockerfile:4',
    'docker/unfiltered-build-context Dockerfile:5',
    'docker/world-writable-permissions Dockerfile:6',
    'docker/dev-server Dockerfile:8',
    'compose/debug-enabled docker-compose.yml:7',
    'compose/secret-in-environment docker-compose.yml:8',
    'compose/weak-database-password docker-compose.yml:14',
    'compose/database-port-published docker-compose.yml:17',
    'compose/docker-socket-mount docker-compose.yml:19',
    'compose/database-port-published docker-compose.yml:23',
    'flask/in-memory-rate-limit app/__init__.py:8',
    'flask/weak-csp app/__init__.py:12',
    'flask/hardcoded-secret-key app/__init__.py:20',
    'flask/talisman-https-disabled app/__init__.py:23',
    'flask/unsafe-upload-filename app/__init__.py:29',
    'flask/error-details-exposed app/__init__.py:34',
    'flask/csp-blocks-template-assets app/templates/base.html:7',
    'flask/hardcoded-secret-key config.py:5',
    'flask/insecure-session-cookie config.py:7',
    'gunicorn/debug-log-level gunicorn.conf.py:4',
    'systemd/root-user deploy/memo.service:5',
    'systemd/secret-in-environment deploy/memo.service:7',
    'systemd/dev-server deploy/memo.service:8',
    'nginx/http-not-redirected deploy/nginx.conf:5',
    'nginx/weak-tls-protocol deploy/nginx.conf:18',
    'nginx/directory-listing deploy/nginx.conf:20',
    'tf-aws/sg-admin-port-open infra/main.tf:12',
  ];
  const missing = expected.filter((e) => !got.has(e));
  assert.deepEqual(missing, [], `missing findings; got:\n${[...got].join('\n')}`);
  // The development twin is not judged for production.
  assert.ok(!report.findings.some((f) => f.file === '.env.development'));
  assert.ok(report.summary.critical >= 3 && report.summary.high >= 10);
});

test('examples/flask-leaky for --env development: production-only rules are silent, a development secret is expected', () => {
  const { report } = scanJson('examples/flask-leaky', ['--env', 'development', '--fail-on', 'none']);
  // Only rules for leaked credentials (scope: all) look at other environments' files.
  assert.deepEqual(report.findings.filter((f) => f.file === '.env.production').map((f) => f.ruleId), ['secret/known-credential']);
  // FLASK_SECRET_KEY=dev, FLASK_DEBUG=1 … are what a development environment is for: env/weak-secret
  // and env/placeholder-value judge production and staging (docs/decisions.md, one rule per env problem).
  assert.deepEqual(report.findings.filter((f) => f.file === '.env.development').map((f) => f.ruleId), []);
  assert.ok(!report.findings.some((f) => f.ruleId === 'env/debug-enabled'));
});

test('examples/flask-hardened: clean at --fail-on medium (only low / info remain)', () => {
  const { code, report } = scanJson('examples/flask-hardened', ['--fail-on', 'medium']);
  assert.equal(code, 0, JSON.stringify(report.findings.filter((f) => !['low', 'info'].includes(f.severity)), null, 1));
  assert.deepEqual(report.errors, []);
  assert.equal(report.summary.critical + report.summary.high + report.summary.medium, 0);
});

test('the quick start in Japanese', () => {
  const r = honban(['scan', 'examples/flask-leaky', '--lang', 'ja']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /未対応の指摘 \d+ 件/);
  assert.match(r.stdout, /対処: /);
});
