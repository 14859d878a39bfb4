import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawFinding, Rule } from '../contracts/types.js';
import { SecretMasker } from '../engine/post/mask.js';
import { buildReport, failsAt } from '../engine/report.js';
import { render } from './index.js';

const rule = (id: string, severity: Rule['severity']): Rule<any> => ({
  id,
  severity,
  facts: ['file'],
  title: { en: `${id} title`, ja: `${id} の題` },
  description: { en: `${id} description that explains why`, ja: `${id} の説明` },
  fix: { en: `${id} fix`, ja: `${id} の対処` },
  references: { cwe: ['CWE-489'] },
  check() {},
});

const raw = (p: Partial<RawFinding> & Pick<RawFinding, 'ruleId' | 'file' | 'severity'>): RawFinding => ({
  message: { en: `${p.ruleId} at ${p.file} | pipe & <tag>`, ja: `${p.ruleId} の指摘` },
  fix: { en: 'do this', ja: 'こうする' },
  status: 'open',
  fingerprint: `fp-${p.ruleId}-${p.file}-${p.line ?? 0}`,
  ...p,
});

function sample(failOn: 'high' | 'none' = 'high', lang: 'en' | 'ja' = 'en') {
  const masker = new SecretMasker();
  masker.add(['Sup3rS3cretValue!']);
  return buildReport({
    command: 'scan',
    target: ['.'],
    environment: 'production',
    lang,
    failOn,
    findings: [
      raw({ ruleId: 'docker/root-user', file: 'Dockerfile', severity: 'high', line: 3, column: 1 }),
      raw({ ruleId: 'env/weak-secret', file: 'dir with space/.env.production', severity: 'critical', line: 1, column: 1, evidence: 'SECRET_KEY=Sup3rS3cretValue!' }),
      raw({ ruleId: 'env/duplicate-key', file: '.env', severity: 'low', line: 2, column: 1, status: 'waived', statusReason: 'deferred by PM decision', owner: 'sato', until: '2026-12-31' }),
      raw({ ruleId: 'docker/root-user', file: 'other/Dockerfile', severity: 'high', line: 1, column: 1, status: 'suppressed', statusReason: 'distroless' }),
    ],
    errors: [{ kind: 'parse', file: 'compose.yml', line: 4, message: 'bad indentation' }],
    rules: [rule('docker/root-user', 'high'), rule('env/weak-secret', 'critical'), rule('env/duplicate-key', 'low'), rule('docker/latest-tag', 'medium')],
    scanned: 12,
    masker,
  });
}

test('buildReport: the Report contract, open-only summary, exit code, masking', () => {
  const r = sample();
  assert.equal(r.schemaVersion, 1);
  assert.deepEqual(r.tool.name, 'honban');
  assert.deepEqual(Object.keys(r).sort(), ['command', 'environment', 'errors', 'exitCode', 'failOn', 'findings', 'lang', 'rules', 'scanned', 'schemaVersion', 'skipped', 'statusCounts', 'summary', 'target', 'tool'].sort());
  assert.deepEqual(r.summary, { critical: 1, high: 1, medium: 0, low: 0, info: 0 });
  assert.deepEqual(r.statusCounts, { open: 2, suppressed: 1, waived: 1, baseline: 0 });
  assert.equal(r.exitCode, 1);
  assert.equal(sample('none').exitCode, 0);
  assert.ok(!JSON.stringify(r).includes('Sup3rS3cretValue!'));
  const f = r.findings[0]!;
  for (const k of ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'status', 'fix', 'docsUrl', 'fingerprint']) assert.ok(k in f, k);
  assert.match(f.docsUrl, /docs\/rules\.md#dockerroot-user$/);
  assert.equal(failsAt('medium', 'high'), false);
  assert.equal(failsAt('critical', 'high'), true);
  assert.equal(failsAt('info', 'info'), true);
  assert.equal(failsAt('critical', 'none'), false);
});

test('sarif: 2.1.0 with rules, help, regions, relative URIs, fingerprints, levels, suppressions', () => {
  const s = JSON.parse(render(sample(), 'sarif'));
  assert.equal(s.version, '2.1.0');
  assert.match(s.$schema, /sarif-2\.1\.0/);
  const run = s.runs[0];
  assert.equal(run.tool.driver.name, 'honban');
  const rules = run.tool.driver.rules;
  assert.equal(rules.length, 4);
  assert.ok(rules.every((x: { helpUri: string; help: { text: string } }) => x.helpUri.startsWith('https://') && x.help.text.length > 0));
  const byRule = Object.fromEntries(run.results.map((x: { ruleId: string; level: string }) => [x.ruleId + x.level, x]));
  const weak = run.results.find((x: { ruleId: string }) => x.ruleId === 'env/weak-secret');
  assert.equal(weak.level, 'error');
  assert.equal(weak.locations[0].physicalLocation.artifactLocation.uri, 'dir%20with%20space/.env.production');
  assert.equal(weak.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
  assert.deepEqual(weak.locations[0].physicalLocation.region, { startLine: 1, startColumn: 1 });
  assert.ok(weak.partialFingerprints['honban/v1']);
  assert.equal(rules[weak.ruleIndex].id, 'env/weak-secret');
  const waived = run.results.find((x: { ruleId: string }) => x.ruleId === 'env/duplicate-key');
  assert.equal(waived.level, 'note');
  assert.deepEqual(waived.suppressions, [{ kind: 'external', status: 'accepted', justification: 'deferred by PM decision; owner: sato; until: 2026-12-31' }]);
  assert.ok(byRule);
  assert.equal(run.invocations[0].executionSuccessful, false);
  assert.equal(run.invocations[0].toolExecutionNotifications[0].message.text, 'parse error: bad indentation');
});

test('junit: XML escaped', () => {
  const x = render(sample(), 'junit');
  assert.match(x, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
  assert.ok(x.includes('pipe &amp; &lt;tag&gt;'));
  assert.ok(!/<tag>/.test(x));
});

test('markdown: a PR-comment table with escaped pipes, the rest folded', () => {
  const m = render(sample(), 'markdown');
  assert.match(m, /^### honban report — `scan` \(environment: `production`\)/);
  assert.match(m, /\| Severity \| Rule \| Location \| Finding \| Fix \|/);
  assert.ok(m.includes('at Dockerfile \\| pipe &amp; &lt;tag&gt;'), m);
  assert.match(m, /`Dockerfile:3`/);
  assert.match(m, /<details><summary>1 suppressed · 1 waived<\/summary>/);
  assert.match(m, /owner: sato/);
  assert.match(m, /_Exit 1: open findings at or above "high"/);
});

test('pretty: grouped by file, no colour unless asked, summary and exit reason, Japanese', () => {
  const p = render(sample(), 'pretty', { color: false });
  assert.ok(!p.includes('\x1b['), 'no ANSI escapes without colour');
  const lines = p.split('\n');
  assert.ok(lines.includes('Dockerfile'));
  assert.ok(lines.some((l) => /^\s+3:1\s+high\s+docker\/root-user at Dockerfile/.test(l)));
  assert.ok(lines.some((l) => /fix: do this/.test(l)));
  assert.ok(lines.some((l) => l.includes('[waived: deferred by PM decision, owner: sato, until: 2026-12-31]')));
  assert.ok(p.includes('✖ 2 open findings (1 critical, 1 high) · 1 suppressed · 1 waived · 1 error · 12 files checked · environment: production'));
  assert.ok(p.trimEnd().endsWith('Exit 1: open findings at or above "high" (--fail-on high).'));
  assert.ok(render(sample(), 'pretty', { color: true }).includes('\x1b['));
  const ja = render(sample('high', 'ja'), 'pretty');
  assert.ok(ja.includes('未対応の指摘 2 件'));
  assert.ok(ja.includes('対処: こうする'));
  assert.ok(ja.includes('終了コード 1'));
});

test('markdown and pretty show a command headline from extra (the probe grade)', () => {
  const r = { ...sample(), extra: { headline: 'Grade: B (TLS 1.0 offered)' } };
  assert.match(render(r, 'markdown'), /\*\*Grade: B \(TLS 1\.0 offered\)\*\*/);
  assert.match(render(r, 'pretty'), /^Grade: B \(TLS 1\.0 offered\)$/m);
});
