/**
 * SARIF, JUnit, GitHub annotations, GitLab Code Quality and Markdown: the shapes CI systems read.
 * Every SARIF written here is validated against the official SARIF 2.1.0 JSON Schema.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawFinding, Report, Rule } from '../contracts/types.js';
import { SecretMasker } from '../engine/post/mask.js';
import { buildReport } from '../engine/report.js';
import { render } from './index.js';
import { markdownCode as mdCode, markdownText as mdText } from './escape.js';
import { selectReport } from './filter.js';
import { validateSarif } from '../testing/sarif.js';

const rule = (id: string, severity: Rule['severity']): Rule<any> => ({
  id,
  severity,
  facts: ['file'],
  title: { en: `${id} title`, ja: `${id} の題` },
  description: { en: `${id} description that explains why`, ja: `${id} の説明` },
  fix: { en: `${id} fix`, ja: `${id} の対処` },
  check() {},
});

const raw = (p: Partial<RawFinding> & Pick<RawFinding, 'ruleId' | 'file' | 'severity'>): RawFinding => ({
  message: { en: `${p.ruleId} at ${p.file}`, ja: `${p.ruleId} の指摘` },
  fix: { en: 'do this', ja: 'こうする' },
  status: 'open',
  fingerprint: `fp-${p.ruleId}-${p.file}-${p.line ?? 0}`,
  ...p,
});

const ROOT = '/work/repo/infra';

function report(findings: RawFinding[], o: { command?: string; root?: string; lang?: 'en' | 'ja'; baselineApplied?: boolean; errors?: Report['errors']; skipped?: Report['skipped'] } = {}): Report {
  const ids = [...new Set(findings.map((f) => f.ruleId))];
  return buildReport({
    command: o.command ?? 'scan',
    target: ['infra'],
    root: o.root,
    baselineApplied: o.baselineApplied,
    environment: 'production',
    lang: o.lang ?? 'en',
    failOn: 'high',
    findings,
    errors: o.errors ?? [],
    rules: ids.map((id) => rule(id, 'high')),
    scanned: 3,
    skipped: o.skipped,
    masker: new SecretMasker(),
  });
}

const scanReport = (o: Parameters<typeof report>[1] = {}) =>
  report(
    [
      raw({ ruleId: 'tf-aws/rds-public', file: 'main.tf', severity: 'critical', line: 3, column: 3, endLine: 3, endColumn: 30 }),
      raw({ ruleId: 'tf-aws/rds-public', file: 'db/main.tf', severity: 'critical', line: 9, column: 1 }),
      raw({ ruleId: 'docker/root-user', file: 'Dockerfile', severity: 'high', line: 1, column: 1, status: 'suppressed', statusReason: 'distroless' }),
      raw({ ruleId: 'docker/latest-tag', file: 'Dockerfile', severity: 'medium', line: 1, column: 1, status: 'waived', statusReason: 'deferred', owner: 'sato', until: '2026-12-31' }),
      raw({ ruleId: 'docker/missing-healthcheck', file: 'Dockerfile', severity: 'low', line: 1, column: 1, status: 'baseline' }),
    ],
    { root: ROOT, ...o },
  );

test('sarif: URIs relative to the repository root whatever directory was scanned; %SRCROOT% has its file:// URI', () => {
  const s = JSON.parse(render(scanReport(), 'sarif', { root: '/work/repo' }));
  const run = s.runs[0];
  assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/repo/', description: { text: 'The repository root' } } });
  const uris = run.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation);
  assert.deepEqual(uris[0], { uri: 'infra/main.tf', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(uris[1], { uri: 'infra/db/main.tf', uriBaseId: '%SRCROOT%' });
  // The scanned root itself as base: paths as the report has them.
  const same = JSON.parse(render(scanReport(), 'sarif'));
  assert.equal(same.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'main.tf');
  assert.equal(same.runs[0].originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/repo/infra/');
  // A file outside the base is an absolute file:// URI, never a "../" path.
  const outside = JSON.parse(render(scanReport(), 'sarif', { root: '/work/other' }));
  assert.deepEqual(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: 'file:///work/repo/infra/main.tf' });
  validateSarif(s);
  validateSarif(same);
  validateSarif(outside);
});

test('sarif: automationDetails.id per command and environment, suppressions, baselineState', () => {
  const s = JSON.parse(render(scanReport({ baselineApplied: true }), 'sarif', { root: '/work/repo' }));
  const run = s.runs[0];
  assert.equal(run.automationDetails.id, 'honban/scan/production/');
  const by = (id: string) => run.results.find((r: { ruleId: string }) => r.ruleId === id);
  assert.equal(by('tf-aws/rds-public').baselineState, 'new');
  assert.equal(by('docker/missing-healthcheck').baselineState, 'unchanged');
  assert.equal(by('docker/missing-healthcheck').suppressions, undefined, 'a baseline finding is still an alert');
  assert.deepEqual(by('docker/root-user').suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'distroless' }]);
  assert.deepEqual(by('docker/latest-tag').suppressions, [{ kind: 'external', status: 'accepted', justification: 'deferred; owner: sato; until: 2026-12-31' }]);
  // Without a baseline there is no baseline state at all.
  assert.equal(JSON.parse(render(scanReport(), 'sarif')).runs[0].results[0].baselineState, undefined);
  validateSarif(s);
});

test('sarif: probe findings are logical locations (the URL), env findings name their variable; Japanese labels', () => {
  const probe = report(
    [
      raw({ ruleId: 'headers/missing-hsts', file: 'https://app.example.com/', severity: 'high' }),
      raw({ ruleId: 'debug/werkzeug-debugger', file: 'https://app.example.com/console?x=1', severity: 'critical' }),
    ],
    { command: 'probe', lang: 'ja', errors: [{ kind: 'collector', file: 'https://app.example.com/', message: 'timeout' }] },
  );
  const s = JSON.parse(render(probe, 'sarif'));
  const run = s.runs[0];
  assert.equal(run.automationDetails.id, 'honban/probe/production/');
  assert.equal(run.originalUriBaseIds, undefined);
  for (const r of run.results) assert.equal(r.locations[0].physicalLocation, undefined, 'no URL as an artifact');
  assert.deepEqual(run.results[1].locations[0].logicalLocations, [{ name: '/console?x=1', fullyQualifiedName: 'https://app.example.com/console?x=1', kind: 'resource' }]);
  assert.match(run.tool.driver.rules[0].help.markdown, /\*\*対処:\*\* .*\n\n\[ドキュメント\]\(https:/);
  assert.equal(run.language, 'ja-JP');
  validateSarif(s);

  const env = report(
    [
      raw({ ruleId: 'env/debug-enabled', file: '.env.production', severity: 'high', line: 2, column: 1, key: 'DEBUG' }),
      raw({ ruleId: 'envcheck/missing-required', file: 'process.env', severity: 'high', key: 'SECRET_KEY' }),
    ],
    { command: 'env', root: '/work/repo' },
  );
  const e = JSON.parse(render(env, 'sarif'));
  assert.deepEqual(e.runs[0].results[0].locations[0].logicalLocations, [{ name: 'DEBUG', kind: 'variable' }]);
  assert.deepEqual(e.runs[0].results[1].locations[0], { logicalLocations: [{ name: 'process.env', kind: 'namespace' }, { name: 'SECRET_KEY', fullyQualifiedName: 'process.env.SECRET_KEY', kind: 'variable' }] });
  validateSarif(e);
});

test('sarif: errors are notifications with their file; a report without a root (in-memory scan) stays relative', () => {
  const r = report([raw({ ruleId: 'a/b', file: 'x y/z.tf', severity: 'high', line: 1 })], { errors: [{ kind: 'parse', file: 'x y/z.tf', line: 4, column: 2, message: 'bad' }, { kind: 'rule', ruleId: 'a/b', message: 'rule a/b failed: boom' }] });
  const s = JSON.parse(render(r, 'sarif'));
  const run = s.runs[0];
  assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'x%20y/z.tf');
  assert.equal(run.originalUriBaseIds, undefined);
  const [parse, failed] = run.invocations[0].toolExecutionNotifications;
  assert.deepEqual(parse.locations[0].physicalLocation, { artifactLocation: { uri: 'x%20y/z.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 2 } });
  assert.deepEqual(failed.associatedRule, { id: 'a/b', index: 0 });
  validateSarif(s);
});

test('junit: a suite per rule, a test case per finding, one failure each, skipped for suppressed / waived / baseline, counts that add up', () => {
  const x = render(scanReport(), 'junit');
  const attr = (tag: string, name: string) => [...x.matchAll(new RegExp(`<${tag} [^>]*${name}="(\\d+)"`, 'g'))].map((m) => Number(m[1]));
  assert.equal((x.match(/<testcase /g) ?? []).length, 5, 'one per finding');
  assert.equal((x.match(/<failure /g) ?? []).length, 2);
  assert.equal((x.match(/<skipped /g) ?? []).length, 3);
  assert.match(x, /<testsuites name="honban scan \(production\)" tests="5" failures="2" errors="0" skipped="3">/);
  assert.deepEqual(attr('testsuite', 'tests'), [1, 1, 1, 2], 'suites sorted by rule id');
  assert.match(x, /<testsuite name="tf-aws\/rds-public: tf-aws\/rds-public title" tests="2" failures="2" errors="0" skipped="0">/);
  assert.match(x, /<testcase classname="tf-aws\/rds-public" name="main.tf:3:3 tf-aws\/rds-public at main.tf" file="main.tf" line="3">\n\s+<failure type="critical" message="tf-aws\/rds-public at main.tf">main.tf:3:3\ncritical tf-aws\/rds-public\ntf-aws\/rds-public at main.tf\nFix: do this\nDocumentation: https:/);
  assert.match(x, /<skipped message="waived; reason: deferred; owner: sato; until: 2026-12-31"\/>/);
  // Totals equal the sums over suites, for every kind.
  for (const k of ['tests', 'failures', 'errors', 'skipped']) {
    const [total, ...suites] = attr('testsuite[s]?', k);
    assert.equal(total, suites.reduce((a, b) => a + b, 0), k);
  }
  // Japanese labels.
  const ja = render(scanReport({ lang: 'ja' }), 'junit');
  assert.match(ja, /\n対処: こうする\nドキュメント: https:/);
  assert.match(ja, /<skipped message="免除; 理由: deferred; 担当: sato; 期限: 2026-12-31"\/>/);
});

test('junit: control characters escaped visibly (none survives raw), markup escaped, errors as error test cases, a clean run is one empty suite', () => {
  const hostile = report([raw({ ruleId: 'a/b', file: 'evil\u001b[31m\u0007name\u0000.tf', severity: 'high', line: 1, message: { en: 'bad <tag> & "q"\u0008\u000b', ja: 'x' } })], {
    errors: [{ kind: 'parse', file: 'c.yml', line: 2, message: 'bad\u0001 indent' }],
  });
  const x = render(hostile, 'junit');
  assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(x), 'no control character survives');
  assert.ok(x.includes('file="evil\\x1b[31m\\x07name\\x00.tf"'), x);
  assert.ok(x.includes('message="bad &lt;tag&gt; &amp; &quot;q&quot;\\x08\\x0b"'), x);
  assert.match(x, /<testsuite name="honban: problems while checking" tests="1" failures="0" errors="1" skipped="0">\n\s+<testcase classname="honban.parse" name="c.yml:2:1 parse error: bad\\x01 indent" file="c.yml" line="2">\n\s+<error type="parse"/);
  assert.match(x, /<testsuites name="[^"]*" tests="2" failures="1" errors="1" skipped="0">/);
  assert.match(render(report([]), 'junit'), /<testsuites name="honban scan \(production\)" tests="0" failures="0" errors="0" skipped="0">\n  <testsuite name="honban scan \(production\)" tests="0" failures="0" errors="0" skipped="0">\n  <\/testsuite>/);
});

test('github: one workflow command per open finding, paths from the repository root, GitHub escaping', () => {
  const r = report(
    [
      raw({ ruleId: 'tf-aws/rds-public', file: 'db/main,1:x.tf', severity: 'critical', line: 3, column: 5, endColumn: 9, message: { en: '100% public\nreally', ja: 'x' } }),
      raw({ ruleId: 'docker/latest-tag', file: 'Dockerfile', severity: 'medium', line: 1 }),
      raw({ ruleId: 'docker/missing-healthcheck', file: 'Dockerfile', severity: 'low', line: 1 }),
      raw({ ruleId: 'docker/root-user', file: 'Dockerfile', severity: 'high', line: 1, status: 'waived', statusReason: 'x' }),
      raw({ ruleId: 'headers/missing-hsts', file: 'https://app.example.com/', severity: 'high' }),
    ],
    { root: ROOT, errors: [{ kind: 'parse', file: 'a.yml', line: 2, message: 'bad' }] },
  );
  const lines = render(r, 'github', { root: '/work/repo' }).trimEnd().split('\n');
  assert.equal(lines[0], '::error file=infra/db/main%2C1%3Ax.tf,line=3,col=5,endColumn=9,title=tf-aws/rds-public%3A tf-aws/rds-public title::100%25 public%0Areally%0AFix: do this%0Ahttps://github.com/honban-dev/honban/blob/main/docs/rules.md#tf-awsrds-public');
  assert.match(lines[1]!, /^::warning file=infra\/Dockerfile,line=1,title=docker\/latest-tag%3A /);
  assert.match(lines[2]!, /^::notice file=infra\/Dockerfile,line=1,title=/);
  assert.match(lines[3]!, /^::error title=headers\/missing-hsts%3A headers\/missing-hsts title::https:\/\/app.example.com\/: headers\/missing-hsts at/);
  assert.equal(lines[4], '::warning file=infra/a.yml,line=2,title=honban%3A parse error::bad');
  assert.ok(!lines.some((l) => l.includes('docker/root-user')), 'waived findings are not annotated');
  assert.equal(lines.at(-1), 'Exit 1: open findings at or above "high" (--fail-on high).');
});

test('gitlab: Code Quality issues with description, check_name, unique fingerprint, severity, location.path and lines.begin', () => {
  const r = report(
    [
      raw({ ruleId: 'tf-aws/rds-public', file: 'main.tf', severity: 'critical', line: 3, fingerprint: 'same' }),
      raw({ ruleId: 'tf-aws/rds-public', file: 'main.tf', severity: 'critical', line: 8, fingerprint: 'same' }),
      raw({ ruleId: 'docker/latest-tag', file: 'Dockerfile', severity: 'medium' }),
      raw({ ruleId: 'docker/root-user', file: 'Dockerfile', severity: 'high', line: 1, status: 'suppressed' }),
    ],
    { root: ROOT },
  );
  const issues = JSON.parse(render(r, 'gitlab', { root: '/work/repo' })) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
  assert.equal(issues.length, 3, 'open findings only');
  assert.deepEqual(
    issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin]),
    [
      ['tf-aws/rds-public', 'blocker', 'infra/main.tf', 3],
      ['tf-aws/rds-public', 'blocker', 'infra/main.tf', 8],
      ['docker/latest-tag', 'major', 'infra/Dockerfile', 1],
    ],
  );
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, 3, 'fingerprints are unique');
  for (const i of issues) assert.match(i.fingerprint, /^[0-9a-f]{32}$/);
  assert.equal(issues[0]!.description, 'tf-aws/rds-public at main.tf');
  // Stable: the same report gives the same fingerprints.
  assert.deepEqual(JSON.parse(render(r, 'gitlab', { root: '/work/repo' })).map((i: { fingerprint: string }) => i.fingerprint), issues.map((i) => i.fingerprint));
});

test('markdown: code spans are literal (no &lt; inside), pipes never split a cell, HTML cannot start outside code', () => {
  assert.equal(mdCode('a<b>|c'), '`a<b>\\|c`');
  assert.equal(mdCode('x `y` z'), '``x `y` z``');
  assert.equal(mdCode('`edge'), '`` `edge ``');
  assert.equal(mdText('write `# honban-ignore <rule-id> -- <reason>` then <b>bold</b> | next'), 'write `# honban-ignore <rule-id> -- <reason>` then &lt;b&gt;bold&lt;/b&gt; \\| next');
  assert.equal(mdText('unclosed `tick <x>'), 'unclosed `tick &lt;x&gt;');
  const r = report([raw({ ruleId: 'a/b', file: 'dir/<odd>|name.tf', severity: 'high', line: 2, message: { en: 'set `X=<y>` here', ja: 'x' } })]);
  const m = render(r, 'markdown');
  assert.ok(m.includes('| `dir/<odd>\\|name.tf:2` | set `X=<y>` here |'), m);
  assert.ok(!m.includes('`X=&lt;y>`'));
});

test('--rule / --skip-rule / --min-severity: findings, rules, counts and the exit code follow the selection', () => {
  const r = scanReport();
  const only = selectReport(r, { rules: ['docker/*'] });
  assert.deepEqual([...new Set(only.findings.map((f) => f.ruleId))].sort(), ['docker/latest-tag', 'docker/missing-healthcheck', 'docker/root-user']);
  assert.deepEqual(only.summary, { critical: 0, high: 0, medium: 0, low: 0, info: 0 });
  assert.equal(only.exitCode, 0);
  assert.ok(only.rules.every((x) => x.id.startsWith('docker/')));
  const skip = selectReport(r, { skip: ['tf-aws/rds-public'] });
  assert.equal(skip.exitCode, 0);
  assert.equal(skip.statusCounts.open, 0);
  const min = selectReport(r, { minSeverity: 'high' });
  assert.deepEqual(min.findings.map((f) => f.severity), ['critical', 'critical', 'high']);
  assert.equal(min.exitCode, 1);
  assert.equal(selectReport(r, {}), r);
});

test('files not read: a SARIF warning notification re-based on the repository root (valid SARIF), a GitHub warning, a skipped JUnit case', () => {
  const r = report([], { root: ROOT, skipped: [{ path: 'secrets/.env.production', reason: 'unreadable', detail: 'permission denied' }, { path: 'evil\u001b[2K.env', reason: 'binary' }] });
  const sarif = JSON.parse(render(r, 'sarif', { root: '/work/repo' }));
  validateSarif(sarif);
  const n = sarif.runs[0].invocations[0].toolExecutionNotifications;
  assert.equal(n.length, 2);
  assert.deepEqual(n[0].locations[0].physicalLocation.artifactLocation, { uri: 'infra/secrets/.env.production', uriBaseId: '%SRCROOT%' });
  assert.equal(n[0].level, 'warning');
  assert.equal(n[0].message.text, 'Not read: unreadable (permission denied)');
  const gh = render(r, 'github', { root: '/work/repo' }).split('\n');
  assert.ok(gh.includes('::warning file=infra/secrets/.env.production,title=honban%3A Not read::unreadable (permission denied)'), gh.join('\n'));
  assert.ok(gh.some((l) => l.startsWith('::warning file=infra/evil\\x1b[2K.env,')), 'control characters escaped in the annotation');
  const junit = render(r, 'junit', { root: '/work/repo' });
  assert.match(junit, /tests="2" failures="0" errors="0" skipped="2"/);
  const ja = JSON.parse(render(report([], { root: ROOT, lang: 'ja', skipped: [{ path: 'a.env', reason: 'unreadable', detail: 'permission denied' }] }), 'sarif'));
  assert.equal(ja.runs[0].invocations[0].toolExecutionNotifications[0].message.text, '読まなかったファイル: 読み取り不可 (権限がありません)');
});
