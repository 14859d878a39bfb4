/**
 * End to end over test/fixtures/contract/app: Node code + .env.production + docker-compose.prod.yml
 * + Dockerfile, where SEARCH_ENDPOINT is provided by no production surface (only by
 * .env.development, documented in .env.example).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '../../commands/scan.js';
import { rulesOf } from '../index.js';

const rules = rulesOf('contract');

const here = path.dirname(fileURLToPath(import.meta.url));
const app = path.resolve(here, '../../../test/fixtures/contract/app');

test('contract fixture: the missing variable, the placeholder and the plain secret, nothing else', async () => {
  const { report } = await scan({ paths: [app], rules, config: {} });
  assert.deepEqual(report.errors, []);
  const got = report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.file}:${f.line}`).sort();
  assert.deepEqual(got, [
    'contract/missing-variable high src/config.js:16',
    'contract/placeholder-value high docker-compose.prod.yml:8',
    'contract/secret-in-plain-environment low docker-compose.prod.yml:7',
  ]);
  const missing = report.findings.find((f) => f.ruleId === 'contract/missing-variable')!;
  assert.equal(
    missing.message,
    'SEARCH_ENDPOINT is read without a default but no production surface provides it (checked: .env.production, docker-compose.prod.yml, Dockerfile); only .env.development (another environment) sets it; .env.example documents it',
  );
  assert.match(missing.fix, /^Add SEARCH_ENDPOINT to \.env\.production/);
});

test('contract fixture: in Japanese, and for development where .env.development provides it', async () => {
  const ja = await scan({ paths: [app], rules, config: {}, lang: 'ja' });
  const m = ja.report.findings.find((f) => f.ruleId === 'contract/missing-variable')!;
  assert.match(m.message, /SEARCH_ENDPOINT は既定値なしで読まれていますが、production のどのデプロイ設定も渡していません/);
  const dev = await scan({ paths: [app], rules: rules.filter((r) => r.id === 'contract/missing-variable'), environment: 'development', config: {} });
  // development: .env.development provides SEARCH_ENDPOINT; the other reads are provided by shared surfaces or not at all
  assert.deepEqual(dev.report.findings.map((f) => `${f.key} ${f.file}:${f.line}`), ['REDIS_URL src/config.js:11', 'SESSION_SECRET src/config.js:12', 'SUPPORT_EMAIL src/config.js:15']);
});
