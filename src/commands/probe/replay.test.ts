/**
 * Replays facts saved with --save-facts (test/fixtures/probe/*.facts.json, gathered from local
 * servers by src/testing/probe/make-fixtures.ts): exact findings and grades, with no network.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { probe } from './index.js';
import { FIXTURES } from '../../testing/probe/paths.js';

const fixture = (name: string) => path.join(FIXTURES, name);
const lines = (r: Awaited<ReturnType<typeof probe>>) => r.report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.file}`);

test('replay: a development-configured site — every finding, grade F (0/100) with its caps', async () => {
  const r = await probe({ fromFacts: fixture('dev-site.facts.json') });
  const D = r.facts.target;
  const H = (r.facts.facts.probeRedirect![0] as unknown as { httpUrl: string }).httpUrl;
  assert.match(D, /^https:\/\/127\.0\.0\.1:\d+\/$/);
  assert.deepEqual(lines(r), [
    `http/missing-redirect high ${H}`,
    `cookie/missing-secure high ${D}`,
    `cors/reflected-origin high ${D}`,
    `cors/reflected-origin high ${D}`,
    `server/development-server high ${D}`,
    `tls/certificate-expiring high ${D}`,
    `tls/old-protocol high ${D}`,
    `cookie/missing-httponly medium ${D}`,
    `csp/allowlist-bypass medium ${D}`,
    `csp/unsafe-inline medium ${D}`,
    `headers/missing-frame-protection medium ${D}`,
    `headers/missing-hsts medium ${D}`,
    `cookie/missing-samesite low ${D}`,
    `headers/missing-nosniff low ${D}`,
    `headers/weak-referrer-policy low ${D}`,
    `server/version-disclosed low ${D}`,
    `debug/werkzeug-debugger critical ${D}console`,
    `health/unhealthy high ${D}healthz`,
    `login/missing-csrf-token high ${D}login`,
  ]);
  assert.equal(r.grade.grade, 'F');
  assert.equal(r.grade.score, 0);
  assert.deepEqual(r.grade.caps.map((c) => `${c.rule}→${c.grade}`), ['debug/werkzeug-debugger→F', 'tls/old-protocol→B', 'http/missing-redirect→B']);
  assert.equal(r.report.exitCode, 1);
  // Certificate age is computed from when the facts were gathered, not from today: replays are stable.
  assert.match(r.report.findings.find((f) => f.ruleId === 'tls/certificate-expiring')!.message, /expires in 19 days/);
});

test('replay: a production-ready site — no finding, A+', async () => {
  const r = await probe({ fromFacts: fixture('good-site.facts.json') });
  assert.deepEqual(lines(r), []);
  assert.equal(r.report.extra?.grade, 'A+');
  assert.equal(r.report.exitCode, 0);
});

test('replay: config applies — rules off, severities, environment; waivers take findings out of the grade', async () => {
  const r = await probe({
    fromFacts: fixture('dev-site.facts.json'),
    environment: 'staging',
    config: {
      rules: { 'tls/old-protocol': 'off', 'server/version-disclosed': 'info' },
      waivers: [{ rule: 'debug/werkzeug-debugger', reason: 'staging box behind VPN', owner: 'ops', until: '2999-01-01' }],
    },
  });
  assert.ok(!r.report.findings.some((f) => f.ruleId === 'tls/old-protocol'));
  assert.equal(r.report.findings.find((f) => f.ruleId === 'server/version-disclosed')!.severity, 'info');
  assert.equal(r.report.findings.find((f) => f.ruleId === 'debug/werkzeug-debugger')!.status, 'waived');
  assert.equal(r.report.environment, 'staging');
  assert.ok(!r.grade.caps.some((c) => c.rule === 'debug/werkzeug-debugger'));
});

test('replay: saved facts carry no cookie value (lengths only) and Set-Cookie values are masked', () => {
  const text = readFileSync(fixture('dev-site.facts.json'), 'utf8');
  assert.ok(!text.includes('eyJfZnJlc2giOmZhbHNlfQ'), 'the session cookie value is not saved');
  assert.match(text, /"session=\*\*\*\*; Path=\/"/);
});
