/** End to end over test/fixtures/node/api: an Express API (JS + TS) discovered from disk. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '../../commands/scan.js';
import { rulesOf } from '../index.js';

const contract = rulesOf('contract');
const rules = rulesOf('express');

const here = path.dirname(fileURLToPath(import.meta.url));
const api = path.resolve(here, '../../../test/fixtures/node/api');

test('express fixture: every planted problem at its file:line', async () => {
  const { report } = await scan({ paths: [api], rules: [...rules, ...contract], config: {} });
  assert.deepEqual(report.errors, []);
  const got = report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.file}:${f.line}:${f.column}`).sort();
  assert.deepEqual(got, [
    'contract/missing-deployment-surface info src/app.js:14:22',
    'express/error-details-exposed low src/app.js:32:12',
    'express/error-details-exposed medium src/app.js:33:12',
    'express/hardcoded-session-secret high src/app.js:17:41',
    'express/insecure-cookie medium src/routes/orders.ts:6:57',
    'express/insecure-cookie medium src/routes/orders.ts:6:74',
    'express/missing-security-headers medium src/app.js:7:13',
    'express/permissive-cors high src/app.js:11:3',
    'express/session-memory-store medium src/app.js:25:9',
    'express/trust-proxy-missing low src/app.js:23:3',
  ]);
  const info = report.findings.find((f) => f.ruleId === 'contract/missing-deployment-surface')!;
  assert.match(info.message, /\(COOKIE_SECRET, ORDERS_SEARCH_ENDPOINT\)/, 'test files and platform variables (PORT) are left out');
  assert.ok(!JSON.stringify(report.findings).includes('keyboard cat'), 'the session secret never reaches a finding');
});

test('express fixture: the same code judged for development reports nothing from express rules', async () => {
  const { report } = await scan({ paths: [api], rules, environment: 'development', config: {} });
  assert.deepEqual(report.findings, []);
});
