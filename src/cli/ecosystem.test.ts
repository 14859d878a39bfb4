/**
 * The CLI as CI systems and shell users meet it: pipes, --output, rule selection, SARIF paths from
 * the repository root whatever the arguments, every format's view of an expiring waiver, directive
 * findings, unknown environments, credentials in env output, `convert`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, honban, REPO } from '../testing/cli.js';
import { validateSarif } from '../testing/sarif.js';

function fixture(files: Record<string, string>, opts: { git?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'honban-eco-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), c);
  }
  if (opts.git) spawnSync('git', ['init', '-q', dir]);
  return dir;
}

const TF = 'resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  publicly_accessible = true\n}\n';

test('a closed pipe ends quietly with exit 0 (`honban rules | head -1`, `… -f sarif | head -1`)', () => {
  for (const cmd of [`"${process.execPath}" "${BIN}" rules | head -1`, `"${process.execPath}" "${BIN}" scan examples/flask-leaky -f sarif | head -1`, `"${process.execPath}" "${BIN}" rules --format json | head -c 10`]) {
    const r = spawnSync('bash', ['-c', `set -o pipefail; ${cmd}`], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, `${cmd}\n${r.stderr}`);
    assert.equal(r.stderr, '', cmd);
    assert.ok(r.stdout.length > 0 && r.stdout.length <= 200, cmd);
  }
});

test('--output: the report goes to the file, one summary line to stderr (none with --quiet), in Japanese too', () => {
  const dir = fixture({ 'main.tf': TF });
  const out = path.join(dir, 'r.json');
  const r = honban(['scan', dir, '--format', 'json', '--output', out, '--rule', 'tf-aws/rds-public']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `honban scan: wrote the json report to ${out} — 1 open finding (1 high) · exit 1\n`);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).findings.length, 1);
  assert.equal(honban(['scan', dir, '--output', out, '--quiet']).stderr, '');
  assert.match(honban(['scan', dir, '--output', out, '--lang', 'ja', '--rule', 'tf-aws/rds-public']).stderr, /^honban scan: pretty 形式のレポートを .* に書きました — 未対応の指摘 1 件 \(1 高\) · 終了コード 1\n$/);
});

test('--rule / --skip-rule (repeatable, globs) and --min-severity, for scan and rules; a pattern matching no rule is exit 2', () => {
  const dir = fixture({ 'main.tf': TF, Dockerfile: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n' });
  const ids = (args: string[]) => {
    const r = honban(['scan', dir, '--format', 'json', ...args]);
    return { code: r.code, ids: [...new Set((JSON.parse(r.stdout).findings as { ruleId: string }[]).map((f) => f.ruleId))].sort() };
  };
  const all = ids([]);
  assert.ok(all.ids.some((i) => i.startsWith('docker/')) && all.ids.some((i) => i.startsWith('tf-aws/')));
  assert.ok(ids(['--rule', 'docker/*']).ids.every((i) => i.startsWith('docker/')));
  assert.deepEqual(ids(['--rule', 'tf-aws/rds-public', '--rule', 'docker/root-user']).ids, ['docker/root-user', 'tf-aws/rds-public']);
  const skipped = ids(['--skip-rule', 'tf-aws/*', '--skip-rule', 'docker/missing-healthcheck']);
  assert.ok(!skipped.ids.some((i) => i.startsWith('tf-aws/') || i === 'docker/missing-healthcheck'));
  // Severity: only critical/high remain; the exit code follows what is left.
  const high = honban(['scan', dir, '--format', 'json', '--min-severity', 'high']);
  assert.ok((JSON.parse(high.stdout).findings as { severity: string }[]).every((f) => ['critical', 'high'].includes(f.severity)));
  assert.equal(honban(['scan', dir, '--skip-rule', 'tf-aws/*', '--fail-on', 'critical']).code, 0);
  assert.equal(honban(['scan', dir, '--rule', 'tf-aws/rds-public', '--fail-on', 'high']).code, 1);
  for (const bad of [['--rule', 'docker/rot-user'], ['--skip-rule', 'tf-awz/*'], ['--min-severity', 'urgent']]) {
    const r = honban(['scan', dir, ...bad]);
    assert.equal(r.code, 2, bad.join(' '));
    assert.match(r.stderr, /^honban: error: --(rule|skip-rule|min-severity) /, bad.join(' '));
  }
  const rules = JSON.parse(honban(['rules', '--format', 'json', '--rule', 'tf-aws/rds-*', '--min-severity', 'high']).stdout).rules as { id: string; severity: string }[];
  assert.ok(rules.length > 0 && rules.every((r) => r.id.startsWith('tf-aws/rds-') && ['critical', 'high'].includes(r.severity)));
  assert.match(honban(['rules', '--rule', 'tf-aws/rds-public']).stdout, /\n1 rule\n$/);
});

test('SARIF URIs are relative to the git repository root whatever the arguments and working directory; --sarif-root overrides', () => {
  const repo = fixture({ 'infra/main.tf': TF, 'infra/db/extra.tf': TF }, { git: true });
  const uris = (args: string[], cwd: string) => {
    const r = honban(['scan', ...args, '--format', 'sarif', '--rule', 'tf-aws/rds-public'], { cwd });
    const s = JSON.parse(r.stdout);
    validateSarif(s, args.join(' '));
    return { base: s.runs[0].originalUriBaseIds['%SRCROOT%'].uri, uris: s.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri).sort() };
  };
  const want = { base: `file://${repo}/`, uris: ['infra/db/extra.tf', 'infra/main.tf'] };
  assert.deepEqual(uris(['infra'], repo), want);
  assert.deepEqual(uris(['.'], path.join(repo, 'infra')), want);
  assert.deepEqual(uris([path.join(repo, 'infra')], tmpdir()), want);
  assert.deepEqual(uris(['main.tf', 'db/extra.tf'], path.join(repo, 'infra')), want);
  assert.deepEqual(uris(['infra/main.tf'], repo), { base: want.base, uris: ['infra/main.tf'] });
  assert.deepEqual(uris(['infra', '--sarif-root', path.join(repo, 'infra')], repo), { base: `file://${repo}/infra/`, uris: ['db/extra.tf', 'main.tf'] });
  // GitHub annotations and GitLab paths use the same root.
  assert.match(honban(['scan', 'infra', '--format', 'github', '--rule', 'tf-aws/rds-public'], { cwd: repo }).stdout, /^::error file=infra\/db\/extra\.tf,line=3,col=3,/m);
  assert.deepEqual(JSON.parse(honban(['scan', '.', '--format', 'gitlab', '--rule', 'tf-aws/rds-public'], { cwd: path.join(repo, 'infra') }).stdout).map((i: { location: { path: string } }) => i.location.path).sort(), want.uris);
});

test('every SARIF the commands write is valid SARIF 2.1.0: scan of the examples, env, probe (logical locations), honban.yml findings', () => {
  for (const ex of ['examples/flask-leaky', 'examples/flask-hardened']) {
    const s = JSON.parse(honban(['scan', ex, '--format', 'sarif']).stdout);
    validateSarif(s, ex);
    assert.equal(s.runs[0].automationDetails.id, 'honban/scan/production/');
    assert.equal(s.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `file://${REPO}/`);
    for (const r of s.runs[0].results) assert.ok(r.locations[0].physicalLocation.artifactLocation.uri.startsWith(`${ex}/`), r.locations[0].physicalLocation.artifactLocation.uri);
  }
  const env = JSON.parse(honban(['env', 'test/fixtures/env/leaky', '--format', 'sarif']).stdout);
  validateSarif(env, 'env');
  assert.equal(env.runs[0].automationDetails.id, 'honban/env/production/');
  const probe = JSON.parse(honban(['probe', '--from-facts', 'test/fixtures/probe/dev-site.facts.json', '--format', 'sarif']).stdout);
  validateSarif(probe, 'probe');
  assert.equal(probe.runs[0].automationDetails.id, 'honban/probe/production/');
  assert.ok(probe.runs[0].results.length > 0);
  for (const r of probe.runs[0].results) {
    assert.equal(r.locations[0].physicalLocation, undefined, 'a URL is no artifact');
    assert.match(r.locations[0].logicalLocations[0].fullyQualifiedName, /^https?:\/\//);
  }
  const dir = fixture({ 'honban.yml': `waivers:\n  - rule: tf-aws/*\n    reason: legacy\n    until: "${inDays(3)}"\n`, 'main.tf': TF });
  validateSarif(JSON.parse(honban(['scan', dir, '--format', 'sarif', '--baseline', writeBaseline(dir)]).stdout), 'waivers and baseline');
});

function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

function writeBaseline(dir: string): string {
  const file = path.join(dir, '.baseline.json');
  honban(['scan', dir, '--write-baseline', file]);
  return file;
}

test('a waiver that expires within 14 days is announced in every format, at its line in honban.yml', () => {
  const until = inDays(5);
  const dir = fixture({ 'honban.yml': `# waivers\nwaivers:\n  - rule: tf-aws/rds-public\n    reason: deferred by PM decision\n    owner: sato\n    until: "${until}"\n`, 'main.tf': TF });
  const want = `The waiver of tf-aws/rds-public (owner sato) ends on ${until}, in 5 days: 1 finding it waives will be open again`;
  const out = (format: string) => honban(['scan', dir, '--format', format, '--rule', 'tf-aws/rds-public', '--rule', 'honban/*']).stdout;
  assert.match(out('pretty'), new RegExp(`honban\\.yml\\n\\s+3:5\\s+info\\s+${want.replace(/[()]/g, '\\$&')}`));
  const json = JSON.parse(out('json'));
  assert.deepEqual(json.findings.map((f: { ruleId: string; status: string; file: string; line: number }) => `${f.ruleId} ${f.status} ${f.file}:${f.line}`), ['honban/waiver-expiring open honban.yml:3', 'tf-aws/rds-public waived main.tf:3']);
  assert.equal(json.exitCode, 0, 'a notice does not fail the build');
  const sarif = JSON.parse(out('sarif'));
  validateSarif(sarif);
  assert.ok(sarif.runs[0].results.some((r: { ruleId: string; message: { text: string } }) => r.ruleId === 'honban/waiver-expiring' && r.message.text === want));
  assert.ok(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'honban/waiver-expiring'));
  assert.match(out('junit'), /<testcase classname="honban\/waiver-expiring" name="honban.yml:3:5 The waiver of tf-aws\/rds-public/);
  assert.ok(out('markdown').includes(`| \`honban.yml:3\` | ${want} |`));
  assert.match(out('github'), /^::notice file=honban\.yml,line=3,col=5,title=honban\/waiver-expiring%3A /m);
  assert.deepEqual(JSON.parse(out('gitlab')).map((i: { check_name: string; severity: string }) => `${i.check_name} ${i.severity}`), ['honban/waiver-expiring info']);
  assert.match(honban(['scan', dir, '--lang', 'ja', '--rule', 'honban/*']).stdout, /tf-aws\/rds-public の免除 \(担当 sato\) は .* \(あと 5 日\) に期限が切れ/);
  // A waiver ending later is silent.
  writeFileSync(path.join(dir, 'honban.yml'), `waivers:\n  - rule: tf-aws/rds-public\n    reason: x\n    until: "${inDays(30)}"\n`);
  assert.deepEqual(JSON.parse(out('json')).findings.map((f: { ruleId: string }) => f.ruleId), ['tf-aws/rds-public']);
});

test('honban-ignore with a typo in the rule id, and one that suppresses nothing, are findings (ESLint reportUnusedDisableDirectives)', () => {
  const dir = fixture({
    Dockerfile: 'FROM python:3.12-slim\n# honban-ignore docker/root-user -- the base image drops privileges\nRUN echo hi\nCMD ["python", "app.py"]\n',
    'main.tf': '# honban-ignore tf-aws/rds-publik -- legacy database\n' + TF,
  });
  const r = honban(['scan', dir, '--format', 'json', '--rule', 'honban/*', '--rule', 'docker/root-user', '--rule', 'tf-aws/rds-public']);
  const f = (JSON.parse(r.stdout).findings as { ruleId: string; file: string; line: number; status: string }[]).map((x) => `${x.ruleId} ${x.file}:${x.line} ${x.status}`);
  assert.deepEqual(f, ['docker/root-user Dockerfile:1 open', 'honban/unused-ignore Dockerfile:2 open', 'honban/unknown-rule-in-ignore main.tf:1 open', 'tf-aws/rds-public main.tf:4 open']);
});

test('honban.yml errors carry line:column (YAML syntax and schema problems), "1 problem" in the singular', () => {
  const dir = fixture({ 'honban.yml': 'failOn: high\nrules: [\n', 'a.txt': 'x\n' });
  const r = honban(['scan', dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^honban: error: invalid config .*honban\.yml: 1 YAML error\n {2}.*honban\.yml:3:1: /);
  writeFileSync(path.join(dir, 'honban.yml'), 'failOn: high\nwaivers:\n  - rule: docker/root-user\n    reasn: typo\n');
  const s = honban(['scan', dir]);
  assert.equal(s.code, 2);
  const lines = s.stderr.trim().split('\n');
  assert.match(lines[0]!, /: 2 problems$/);
  assert.ok(lines.some((l) => /honban\.yml:3:5: waivers\.0: unknown key "reasn"$/.test(l)), s.stderr);
  assert.ok(lines.some((l) => /honban\.yml:3:5: waivers\.0: must have required property 'reason'$/.test(l)), s.stderr);
  writeFileSync(path.join(dir, 'honban.yml'), 'failOn: sometimes\n');
  assert.match(honban(['scan', dir]).stderr, /: 1 problem\n {2}.*honban\.yml:1:9: failOn: must be equal to one of the allowed values/);
  assert.match(honban(['scan', dir, '--lang', 'ja']).stderr, /問題 1 件\n {2}.*honban\.yml:1:9: failOn: 事前に定義された値のいずれかに等しくなければいけない/);
});

test('plurals: "1 file checked", "2 files checked", "1 rule"', () => {
  const one = fixture({ 'main.tf': TF });
  assert.match(honban(['scan', one]).stdout, /· 1 file checked ·/);
  writeFileSync(path.join(one, 'b.tf'), TF);
  assert.match(honban(['scan', one]).stdout, /· 2 files checked ·/);
});

test('honban diff with an environment that does not exist is exit 2, not a diff against nothing', () => {
  const dir = fixture({ '.env': 'A=1\n', '.env.production': 'A=2\n', '.env.staging': 'A=3\n' });
  const r = honban(['diff', dir, '--from', 'production', '--to', 'nosuchenv']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^honban: error: --to nosuchenv: no such environment in /);
  assert.equal(honban(['diff', dir, '--from', 'prodution', '--to', 'staging']).code, 2);
  assert.equal(honban(['diff', dir, '--from', 'production', '--to', 'staging']).code, 0);
  // An environment honban.yml declares exists even without its own file.
  writeFileSync(path.join(dir, 'honban.yml'), 'environments:\n  qa:\n    files: [.env]\n');
  assert.equal(honban(['diff', dir, '--from', 'production', '--to', 'qa']).code, 0);
});

test('AWS access key ids are never printed by env --explain, env or diff (any key name, any format)', () => {
  const KEY = 'AKIAQ3EGTZ7RXWJMPL2B';
  const dir = fixture({ '.env': 'APP=web\n', '.env.production': `AWS_ACCESS_KEY_ID=${KEY}\nUPLOADER_ID=${KEY}\n`, '.env.staging': 'AWS_ACCESS_KEY_ID=AKIAZ5EXAMPLE7QWERTY\n' });
  const runs = [
    ['env', dir, '--explain'],
    ['env', dir, '--explain', '--format', 'json'],
    ['env', dir, '--format', 'sarif'],
    ['diff', dir, '--from', 'production', '--to', 'staging'],
    ['diff', dir, '--from', 'production', '--to', 'staging', '--format', 'json'],
    ['diff', dir, '--from', 'production', '--to', 'staging', '--format', 'markdown'],
  ];
  for (const args of runs) {
    const r = honban(args);
    assert.ok(r.code === 0 || r.code === 1, `${args.join(' ')}: ${r.stderr}`);
    for (const leak of [KEY, 'AKIAZ5EXAMPLE7QWERTY', 'AKIAQ3']) assert.ok(!(r.stdout + r.stderr).includes(leak), `${args.join(' ')} printed ${leak}`);
  }
  assert.match(honban(['env', dir, '--explain']).stdout, /AWS_ACCESS_KEY_ID\s+\.env\.production:1\s+\[secret, 20 chars\]/);
});

test('honban convert renders a saved JSON report in any format, with the same exit code', () => {
  const dir = fixture({ 'main.tf': TF }, { git: true });
  const json = path.join(dir, 'report.json');
  assert.equal(honban(['scan', dir, '--format', 'json', '--output', json, '--quiet']).code, 1);
  const direct = honban(['scan', dir, '--format', 'sarif']);
  const converted = honban(['convert', json, '--format', 'sarif']);
  assert.equal(converted.code, 1);
  assert.deepEqual(JSON.parse(converted.stdout), JSON.parse(direct.stdout));
  assert.equal(honban(['convert', json, '--format', 'github', '--fail-on', 'none']).code, 0);
  assert.equal(honban(['convert', json, '--format', 'github', '--skip-rule', 'tf-aws/*']).code, 0);
  writeFileSync(path.join(dir, 'not.json'), '{"a":1}');
  assert.equal(honban(['convert', path.join(dir, 'not.json'), '--format', 'sarif']).code, 2);
});

test('probe: a plain static server (python3 -m http.server) answering 200 for the debugger\'s URL is no debug finding', async (t) => {
  if (spawnSync('python3', ['--version']).status !== 0) {
    if (process.env.CI === 'true') throw new Error('python3 is missing; .ci/run installs it');
    t.skip('python3 not installed: the real static server test did not run');
    return;
  }
  const dir = fixture({ 'index.html': '<!doctype html><title>Shop</title><h1>Welcome</h1>\n' });
  // Port 0: the kernel picks a free port; http.server prints it.
  const server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`http.server did not start: ${out}`)), 15_000);
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /port (\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      server.on('exit', (code) => reject(new Error(`http.server exited ${code}: ${out}`)));
    });
    const url = `http://127.0.0.1:${port}/`;
    // The server really answers 200 with its index page for the Werkzeug resource URL.
    const res = await fetch(`${url}?__debugger__=yes&cmd=resource&f=debugger.js`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Welcome/);
    const r = honban(['probe', url, '--format', 'json', '--fail-on', 'none']);
    assert.equal(r.code, 0, r.stderr);
    const ids = (JSON.parse(r.stdout).findings as { ruleId: string }[]).map((f) => f.ruleId);
    assert.deepEqual(ids.filter((id) => id.startsWith('debug/')), [], ids.join(', '));
    // What it is, it is: plain HTTP and Python's development server are still reported.
    assert.ok(ids.includes('http/not-https'), ids.join(', '));
    assert.ok(ids.includes('server/development-server'), ids.join(', '));
  } finally {
    server.kill();
  }
});
