/**
 * End-to-end: scan the fixture apps under test/fixtures/python/ with the Python-side rules, for
 * production and for development, and compare the exact findings.
 */
import { test } from 'node:test';
import { rulesOf } from '../../rules/index.js';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '../../commands/scan.js';
import knownCredential from '../../rules/secret/known-credential.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixture = (name: string) => path.join(repo, 'test', 'fixtures', 'python', name);
// secret/known-credential too: it owns known credential formats in code (database URLs, vendor tokens).
const RULES = [...rulesOf('flask'), ...rulesOf('django'), ...rulesOf('fastapi'), ...rulesOf('gunicorn'), ...rulesOf('code'), knownCredential];

async function findings(name: string, environment: string): Promise<string[]> {
  const { report } = await scan({ paths: [fixture(name)], environment, rules: RULES, config: {} });
  assert.deepEqual(report.errors, [], `errors while scanning ${name}`);
  return report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}`);
}

test('flask-app (seeds 000 / 003): production inherits the shared weak defaults; development adds its own relaxations', async () => {
  const shared = [
    'flask/in-memory-rate-limit app/__init__.py:12 medium',
    'flask/weak-csp app/__init__.py:24 medium',
    'flask/weak-csp app/__init__.py:25 low',
    'flask/talisman-https-disabled app/__init__.py:28 medium',
    'flask/error-details-exposed app/__init__.py:34 medium',
    'flask/csp-blocks-template-assets app/templates/base.html:10 medium',
    'flask/upload-size-unlimited app/views.py:16 medium',
  ];
  assert.deepEqual(await findings('flask-app', 'production'), [
    // The image's CMD and the Procfile both start gunicorn, which loads ./gunicorn.conf.py by default.
    'gunicorn/max-requests-unset Dockerfile:8 low',
    'gunicorn/max-requests-unset Procfile:1 low',
    ...shared,
    'flask/hardcoded-secret-key config.py:6 high',
  ]);
  // run.py's `app.run(debug=True, host='0.0.0.0')` is silent: the Procfile starts gunicorn, not run.py.
  assert.deepEqual(await findings('flask-app', 'development'), [
    ...shared.slice(0, 6),
    'flask/csp-blocks-template-assets app/templates/dev/debug.html:1 medium',
    shared[6],
    'flask/insecure-session-cookie config.py:14 medium',
    'flask/csrf-disabled config.py:15 high',
  ]);
});

test('flask-hardened (seed 000 production recipe): clean for production; DevelopmentConfig relaxations show only for development', async () => {
  assert.deepEqual(await findings('flask-hardened', 'production'), []);
  assert.deepEqual(await findings('flask-hardened', 'development'), ['flask/insecure-session-cookie config.py:16 medium', 'flask/in-memory-rate-limit config.py:17 medium']);
});

test('django-app: check --deploy family over base + production settings; development and local settings are not judged for production', async () => {
  assert.deepEqual(await findings('django-app', 'production'), [
    'gunicorn/debug-log-level Procfile:2 low',
    'gunicorn/max-requests-unset Procfile:2 low',
    'django/hardcoded-secret-key mysite/settings/base.py:6 high',
    'django/debug-enabled mysite/settings/base.py:8 high',
    'django/allowed-hosts-wildcard mysite/settings/base.py:10 medium',
    'django/missing-security-middleware mysite/settings/base.py:21 medium',
    'django/missing-security-middleware mysite/settings/base.py:21 medium',
    'django/hardcoded-database-password mysite/settings/base.py:37 high',
    'django/insecure-csrf-cookie mysite/settings/production.py:1 medium',
    'django/hsts-disabled mysite/settings/production.py:1 low',
    'django/weak-x-frame-options mysite/settings/production.py:5 medium',
  ]);
  assert.deepEqual(await findings('django-app', 'development'), ['django/missing-security-middleware mysite/settings/base.py:21 medium', 'django/missing-security-middleware mysite/settings/base.py:21 medium']);
});

test('fastapi-app: credentials in settings defaults, wildcard CORS with credentials, exposed errors; never the secret values', async () => {
  assert.deepEqual(await findings('fastapi-app', 'production'), [
    'secret/known-credential app/core/config.py:8 high',
    'code/hardcoded-secret app/core/config.py:9 high',
    'fastapi/docs-exposed app/main.py:7 info',
    'fastapi/permissive-cors app/main.py:11 high',
    'fastapi/error-details-exposed app/main.py:23 medium',
  ]);
  // uvicorn.run(reload=True) under the main guard is silent: the Procfile starts uvicorn without --reload.
  assert.deepEqual(await findings('fastapi-app', 'development'), [
    'secret/known-credential app/core/config.py:8 high',
    'code/hardcoded-secret app/core/config.py:9 high',
    'fastapi/permissive-cors app/main.py:11 high',
    'fastapi/error-details-exposed app/main.py:23 medium',
  ]);
  const { report } = await scan({ paths: [fixture('fastapi-app')], rules: RULES, config: {} });
  const json = JSON.stringify(report);
  for (const secret of ['Sup3rS3cretDbPw', 'sk_live_4eC39HqLyjWDarjtT1zdp7dcTYooMQauvdEDq54NiTphI7jx']) assert.ok(!json.includes(secret), `report leaks ${secret.length}-char secret`);
});
