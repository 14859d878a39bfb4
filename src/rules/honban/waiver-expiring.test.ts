import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, runRules, text } from '../../testing/harness.js';
import rootUser from '../docker/root-user.js';
import rule from './waiver-expiring.js';

// The harness runs on 2026-06-01.
const files = { Dockerfile: text('FROM python:3.12-slim', 'CMD ["python", "app.py"]'), 'api/Dockerfile': text('FROM node:22-slim', 'CMD ["node", "server.js"]') };
const positions = { waivers: [{ line: 2, column: 5 }, { line: 7, column: 5 }] };

test('honban/waiver-expiring: a waiver in use that ends within 14 days, at its line in honban.yml', async () => {
  const found = await runRules([rootUser, rule], files, {
    config: { source: 'honban.yml', positions, waivers: [{ rule: 'docker/root-user', path: 'api/**', reason: 'distroless', owner: 'sato', until: '2026-06-10' }, { rule: 'docker/*', reason: 'legacy image', until: '2026-06-15' }] },
    all: true,
  });
  assert.deepEqual(lines(found, rule.id), ['honban.yml:2', 'honban.yml:7']);
  const [first, second] = found.filter((f) => f.ruleId === rule.id);
  assert.equal(first!.message, 'The waiver of docker/root-user (path api/**, owner sato) ends on 2026-06-10, in 9 days: 1 finding it waives will be open again');
  assert.match(second!.message, /ends on 2026-06-15, in 14 days: 1 finding/);
  assert.equal(first!.severity, 'info');
  assert.deepEqual(found.filter((f) => f.ruleId === rootUser.id).map((f) => f.status), ['waived', 'waived']);
});

test('honban/waiver-expiring: silent for waivers ending later, already expired, without until, waiving nothing, or turned off', async () => {
  const cases = [
    { rule: 'docker/root-user', reason: 'x', until: '2026-06-16' },
    { rule: 'docker/root-user', reason: 'x', until: '2026-05-31' },
    { rule: 'docker/root-user', reason: 'x' },
    { rule: 'docker/latest-tag', reason: 'x', until: '2026-06-02' },
  ];
  for (const w of cases) {
    const found = await runRules([rootUser, rule], files, { config: { source: 'honban.yml', waivers: [w] }, all: true });
    assert.deepEqual(lines(found, rule.id), [], JSON.stringify(w));
  }
  const off = await runRules([rootUser, rule], files, { config: { source: 'honban.yml', rules: { 'honban/waiver-expiring': 'off' }, waivers: [{ rule: 'docker/root-user', reason: 'x', until: '2026-06-02' }] }, all: true });
  assert.deepEqual(lines(off, rule.id), []);
});
