import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { honban, REPO } from '../testing/cli.js';

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'honban-cli-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), c);
  }
  return dir;
}

// A repository whose only problems are honban's own: a suppression without a reason (medium).
const repo = () =>
  fixture({
    'app.sh': '#!/bin/sh\n# honban-ignore provision/curl-pipe-shell\necho ok\n',
    'deploy/run.sh': '#!/bin/sh\ncurl -fsSL https://get.example.com/install.sh | sh # honban-ignore provision/curl-pipe-shell -- vendored installer, pinned by checksum\n',
  });

test('--version is the package version; --help lists the commands', () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const v = honban(['--version']);
  assert.equal(v.code, 0);
  assert.equal(v.stdout, `${pkg.version}\n`);
  const h = honban(['--help']);
  assert.equal(h.code, 0);
  for (const c of ['scan', 'env', 'diff', 'probe', 'rules']) assert.match(h.stdout, new RegExp(`\\n  ${c}\\b`));
  const sh = honban(['scan', '--help']);
  assert.equal(sh.code, 0);
  for (const o of ['--env', '--lang', '--format', '--output', '--fail-on', '--config', '--baseline', '--write-baseline', '--quiet']) assert.ok(sh.stdout.includes(o), o);
});

test('usage errors are one clear line and exit 2', () => {
  const cases: [string[], RegExp][] = [
    [['frobnicate'], /^honban: error: unknown command 'frobnicate' \(see honban --help\)\n$/],
    [['scan', '--bogus'], /^honban: error: unknown option '--bogus' \(see honban scan --help\)\n$/],
    [['scan', '/nonexistent/path'], /^honban: error: cannot read \/nonexistent\/path: no such file or directory\n$/],
    [['scan', '.', '--format', 'xml'], /^honban: error: --format must be one of pretty, json, sarif, junit, markdown, github, gitlab, html, not "xml"\n$/],
    [['scan', '.', '--fail-on', 'sometimes'], /^honban: error: --fail-on must be one of critical, high, medium, low, info, none, not "sometimes"\n$/],
    [['scan', '.', '--lang', 'fr'], /^honban: error: --lang must be en or ja, not "fr"\n$/],
    [['scan', '.', '--config', '/nonexistent/honban.yml'], /^honban: error: cannot read config \/nonexistent\/honban.yml: no such file\n$/],
  ];
  const dir = repo();
  for (const [args, re] of cases) {
    const r = honban(args, { cwd: dir });
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, re, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
  }
});

test('a bad honban.yml exits 2 and lists every problem', () => {
  const dir = fixture({ 'honban.yml': 'failOn: sometimes\nrules:\n  docker/root-usr: off\nwaivers:\n  - rule: honban/ignore-without-reason\n', 'a.txt': 'x\n' });
  const r = honban(['scan', dir]);
  assert.equal(r.code, 2);
  const lines = r.stderr.trim().split('\n');
  assert.match(lines[0]!, /^honban: error: invalid config .*honban\.yml: 3 problems$/);
  assert.ok(lines.some((l) => l.includes('failOn:')));
  assert.ok(lines.some((l) => l.includes('rules.docker/root-usr: unknown rule id')));
  assert.ok(lines.some((l) => l.includes("waivers.0: must have required property 'reason'")));
});

test('a crash prints the version and a stack and exits 2', () => {
  const r = honban(['scan', '.'], { env: { HONBAN_CRASH_TEST: '1' } });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^honban \d+\.\d+\.\d+ crashed \(node v\d+/);
  assert.match(r.stderr, /Error: message withheld \(it may quote the scanned files\)\n\s+at .*main\.js/);
  assert.doesNotMatch(r.stderr, /crash requested/, 'the message is never printed');
});

test('exit codes follow --fail-on: medium finding → 0 at high, 1 at medium, 0 at none', () => {
  const dir = repo();
  assert.equal(honban(['scan', dir]).code, 0);
  assert.equal(honban(['scan', dir, '--fail-on', 'medium']).code, 1);
  assert.equal(honban(['scan', dir, '--fail-on', 'none']).code, 0);
  assert.equal(honban(['scan', dir, '--fail-on', 'critical']).code, 0);
});

test('every format renders the same finding; --output writes the file and nothing to stdout', () => {
  const dir = repo();
  const json = JSON.parse(honban(['scan', dir, '--format', 'json', '--fail-on', 'none']).stdout);
  assert.equal(json.schemaVersion, 1);
  assert.equal(json.command, 'scan');
  assert.equal(json.environment, 'production');
  const f = json.findings.find((x: { ruleId: string }) => x.ruleId === 'honban/ignore-without-reason');
  assert.deepEqual([f.file, f.line, f.column, f.severity, f.status], ['app.sh', 2, 3, 'medium', 'open']);
  assert.deepEqual(json.findings.map((x: { ruleId: string; status: string }) => `${x.ruleId} ${x.status}`), ['honban/ignore-without-reason open', 'provision/curl-pipe-shell suppressed'], 'the directive with a reason suppresses');

  const sarif = JSON.parse(honban(['scan', dir, '--format', 'sarif']).stdout);
  assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine, 2);
  assert.match(honban(['scan', dir, '--format', 'junit']).stdout, /<testcase classname="honban\/ignore-without-reason" name="app.sh:2:3 Suppression comment[^"]*" file="app.sh" line="2">\n\s*<failure type="medium" message="Suppression comment/);
  assert.match(honban(['scan', dir, '--format', 'markdown']).stdout, /`app.sh:2`/);
  const pretty = honban(['scan', dir]);
  assert.match(pretty.stdout, /^app\.sh\n\s+2:3\s+medium\s+Suppression comment/);
  assert.equal(pretty.stderr, '', 'no progress when stderr is not a TTY');

  const out = path.join(dir, 'out.sarif');
  const r = honban(['scan', dir, '--format', 'sarif', '--output', out]);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `honban scan: wrote the sarif report to ${out} — 1 open finding (1 medium) · 1 suppressed · exit 0\n`);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).version, '2.1.0');
});

test('colour: never when piped or with NO_COLOR; FORCE_COLOR forces it unless NO_COLOR is set', () => {
  const dir = repo();
  assert.ok(!honban(['scan', dir]).stdout.includes('\x1b['));
  assert.ok(honban(['scan', dir], { env: { FORCE_COLOR: '1' } }).stdout.includes('\x1b['));
  assert.ok(!honban(['scan', dir], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes('\x1b['));
});

test('--lang ja, and LANG=ja_JP.UTF-8 by default', () => {
  const dir = repo();
  assert.match(honban(['scan', dir, '--lang', 'ja']).stdout, /抑制コメントに理由がありません/);
  assert.match(honban(['scan', dir], { env: { LANG: 'ja_JP.UTF-8' } }).stdout, /終了コード 0/);
  assert.match(honban(['scan', dir, '--lang', 'en'], { env: { LANG: 'ja_JP.UTF-8' } }).stdout, /Exit 0/);
});

test('baseline: --write-baseline records, --baseline hides known findings, a new one is open', () => {
  const dir = repo();
  const base = path.join(dir, '.honban-baseline.json');
  assert.equal(honban(['scan', dir, '--write-baseline', base, '--fail-on', 'medium']).code, 1);
  const saved = JSON.parse(readFileSync(base, 'utf8'));
  assert.equal(saved.findings.length, 1);
  assert.equal(honban(['scan', dir, '--baseline', base, '--fail-on', 'medium']).code, 0);
  // Moving the line keeps the fingerprint.
  writeFileSync(path.join(dir, 'app.sh'), '#!/bin/sh\n\n\n# honban-ignore provision/curl-pipe-shell\necho ok\n');
  const moved = JSON.parse(honban(['scan', dir, '--baseline', base, '--format', 'json', '--fail-on', 'medium']).stdout);
  assert.deepEqual(moved.findings.map((f: { status: string; line: number }) => [f.status, f.line]), [['baseline', 4], ['suppressed', 2]]);
  assert.equal(moved.exitCode, 0);
  writeFileSync(path.join(dir, 'more.sh'), '#!/bin/sh\n# honban-ignore docker/root-user\n');
  const r = honban(['scan', dir, '--baseline', base, '--format', 'json', '--fail-on', 'medium']);
  assert.equal(r.code, 1);
  assert.deepEqual(JSON.parse(r.stdout).findings.map((f: { file: string; status: string }) => `${f.file}:${f.status}`), ['app.sh:baseline', 'deploy/run.sh:suppressed', 'more.sh:open']);
  assert.equal(honban(['scan', dir, '--baseline', path.join(dir, 'missing.json')]).code, 2);
});

test('waivers in honban.yml: waived with reason and owner; expired ones reopen and say so', () => {
  const dir = repo();
  writeFileSync(path.join(dir, 'honban.yml'), 'waivers:\n  - rule: honban/ignore-without-reason\n    path: "*.sh"\n    reason: skipped by ops decision\n    owner: tanaka\n    until: "2999-01-01"\n');
  const j = JSON.parse(honban(['scan', dir, '--format', 'json', '--fail-on', 'medium']).stdout);
  assert.deepEqual([j.findings[0].status, j.findings[0].statusReason, j.findings[0].owner], ['waived', 'skipped by ops decision', 'tanaka']);
  assert.equal(j.exitCode, 0);
  writeFileSync(path.join(dir, 'honban.yml'), 'waivers:\n  - rule: honban/ignore-without-reason\n    reason: deferred by PM decision\n    until: "2020-01-01"\n');
  const r = honban(['scan', dir, '--fail-on', 'medium']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /! waiver expired on 2020-01-01: deferred by PM decision/);
});

test('rules: every rule in both languages, and as JSON', () => {
  const r = honban(['rules', '--format', 'json']);
  assert.equal(r.code, 0);
  const rules = JSON.parse(r.stdout).rules;
  assert.ok(rules.length >= 1);
  for (const x of rules) {
    assert.ok(x.id && x.severity && x.title.en && x.title.ja && x.description.en && x.fix.ja, x.id);
  }
  assert.match(honban(['rules', '--lang', 'ja']).stdout, /ルール \d+ 件/);
});

test('quiet: no progress, and pretty shows open findings only', () => {
  const dir = repo();
  writeFileSync(path.join(dir, 'honban.yml'), 'waivers:\n  - rule: honban/ignore-without-reason\n    reason: skipped by ops decision\n');
  assert.match(honban(['scan', dir]).stdout, /\[waived: skipped by ops decision\]/);
  assert.ok(!honban(['scan', dir, '--quiet']).stdout.includes('waived: skipped'));
  assert.ok(existsSync(dir));
});
