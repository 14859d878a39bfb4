/**
 * Hostile and unlucky files for `scan`, `env` and `probe`: devices, FIFOs, files over 1 MiB, NUL
 * bytes, UTF-16, unreadable files and directories, symbolic links out of the tree. Only regular
 * files are read, never more than the cap, never blocking; everything not read is listed in the
 * report (and a file of the target environment that was not read is a finding); an explicit target
 * that cannot be read exits 2.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Report } from '../contracts/types.js';
import { honban } from '../testing/cli.js';
import { describeMeasured, measureCli, unprivilegedIds } from '../testing/measure.js';
import { MIB, repoWith } from '../testing/hostile.js';

const LIMIT_MS = 30_000;

function mkfifo(p: string): void {
  execFileSync('mkfifo', [p]);
}

function json(stdout: string): Report {
  return JSON.parse(stdout) as Report;
}

function assertUserError(m: { code: number; stderr: string }, pattern: RegExp): void {
  assert.equal(m.code, 2, m.stderr);
  assert.doesNotMatch(m.stderr, /crashed/);
  assert.match(m.stderr, pattern);
}

test('scan /dev/zero: exit 2 at once, no 16 GB read', async () => {
  const m = await measureCli(['scan', '/dev/zero'], { timeoutMs: LIMIT_MS });
  console.log(describeMeasured('scan /dev/zero', m));
  assertUserError(m, /^honban: error: cannot read \/dev\/zero: not a regular file \(character device\)$/m);
  assert.ok(m.maxRssMiB! < 300);
});

test('scan of a FIFO: exit 2 without waiting for a writer; a FIFO inside the tree is listed, and one named .env.production is a finding', async () => {
  const dir = repoWith({ 'app.py': 'DEBUG = True\n' });
  mkfifo(path.join(dir, 'pipe'));
  mkfifo(path.join(dir, '.env.production'));
  const m = await measureCli(['scan', path.join(dir, 'pipe')], { timeoutMs: LIMIT_MS });
  console.log(describeMeasured('scan FIFO', m));
  assertUserError(m, /cannot read .*pipe: not a regular file \(FIFO \(named pipe\)\)/);
  const d = await measureCli(['scan', dir, '--format', 'json', '--fail-on', 'none'], { timeoutMs: LIMIT_MS });
  console.log(describeMeasured('scan of a directory holding FIFOs', d));
  assert.equal(d.code, 0, d.stderr);
  const r = json(d.stdout);
  assert.deepEqual(r.skipped, [
    { path: '.env.production', reason: 'special-file', detail: 'FIFO (named pipe)' },
    { path: 'pipe', reason: 'special-file', detail: 'FIFO (named pipe)' },
  ]);
  assert.deepEqual(r.findings.filter((f) => f.ruleId === 'honban/skipped-target-file').map((f) => f.file), ['.env.production']);
});

test('scan: a file over 1 MiB is listed as too large; a .env.production over 1 MiB is a finding that fails the run', () => {
  const dir = repoWith({ 'data/big.json': '[' + '1,'.repeat(MIB) + '1]', '.env.production': 'DEBUG=True\n#' + 'x'.repeat(MIB + 10) + '\n' });
  const r = honban(['scan', dir, '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const report = json(r.stdout);
  assert.deepEqual(report.skipped.map((k) => [k.path, k.reason]), [['.env.production', 'too-large'], ['data/big.json', 'too-large']]);
  assert.match(report.skipped[0]!.detail!, /^1\.0 MiB \(limit 1\.0 MiB\)$/);
  const f = report.findings.find((x) => x.ruleId === 'honban/skipped-target-file');
  assert.equal(f?.severity, 'high');
});

test('scan: one NUL byte no longer hides DEBUG=True; an unknown binary file is listed', () => {
  const dir = repoWith({
    '.env.production': Buffer.from('DEBUG=True\n\u0000\nSECRET=x\n'),
    'settings/production.py': Buffer.from('INSTALLED_APPS = ["django.contrib.admin"]\nDEBUG = True\n# \u0000\n'),
    'blob': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]),
  });
  const r = honban(['scan', dir, '--format', 'json', '--fail-on', 'none']);
  const report = json(r.stdout);
  const at = report.findings.filter((f) => f.status === 'open').map((f) => `${f.file}:${f.line} ${f.ruleId}`);
  assert.ok(at.some((x) => x.startsWith('.env.production:1 ') && x.includes('debug')), at.join('\n'));
  assert.ok(at.includes('settings/production.py:2 django/debug-enabled'), at.join('\n'));
  assert.deepEqual(report.skipped, [{ path: 'blob', reason: 'binary', detail: 'NUL byte at offset 4' }]);
});

test('scan and env: UTF-16 files with a byte-order mark are decoded', () => {
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('DEBUG=True\nFLASK_ENV=development\n', 'utf16le')]);
  const be = Buffer.from('DEBUG=True\n', 'utf16le');
  for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
  const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
  for (const content of [utf16le, utf16be]) {
    const dir = repoWith({ '.env.production': content });
    const r = json(honban(['scan', dir, '--format', 'json', '--fail-on', 'none']).stdout);
    assert.deepEqual(r.skipped, []);
    assert.ok(r.findings.some((f) => f.file === '.env.production' && f.line === 1), JSON.stringify(r.findings.map((f) => f.ruleId)));
    const e = json(honban(['env', dir, '--format', 'json', '--fail-on', 'none']).stdout);
    assert.ok(e.findings.some((f) => f.key === 'DEBUG'), JSON.stringify(e.findings.map((f) => f.ruleId)));
  }
  const odd = repoWith({ '.env.production': Buffer.from([0xff, 0xfe, 0x41]) });
  assert.deepEqual(json(honban(['scan', odd, '--format', 'json', '--fail-on', 'none']).stdout).skipped.map((k) => k.reason), ['encoding']);
});

test('scan: symbolic links out of the tree are listed, not followed; links inside are read under their own name', () => {
  const dir = repoWith({ 'config/prod.env': 'DEBUG=True\n', 'app.py': 'x = 1\n' });
  symlinkSync('/etc/passwd', path.join(dir, '.env.staging'));
  symlinkSync('config/prod.env', path.join(dir, '.env.production'));
  symlinkSync('/dev/zero', path.join(dir, 'zero.py'));
  symlinkSync('nowhere', path.join(dir, 'broken.py'));
  const r = honban(['scan', dir, '--format', 'json', '--fail-on', 'none', '--env', 'staging']);
  const report = json(r.stdout);
  assert.doesNotMatch(r.stdout, /root:x:0/);
  assert.deepEqual(report.skipped.map((k) => [k.path, k.reason]), [['.env.staging', 'symlink'], ['broken.py', 'symlink'], ['zero.py', 'symlink']]);
  assert.ok(report.findings.some((f) => f.ruleId === 'honban/skipped-target-file' && f.file === '.env.staging'));
  const prod = json(honban(['scan', dir, '--format', 'json', '--fail-on', 'none']).stdout);
  assert.ok(prod.findings.some((f) => f.file === '.env.production' && f.line === 1 && f.status === 'open' && f.ruleId !== 'honban/skipped-target-file'));
});

const asNobody = unprivilegedIds() !== undefined || process.getuid?.() !== 0;

test('unreadable files and directories: listed and a finding for the target; an unreadable explicit target exits 2; env fails (exit 2)', { skip: asNobody ? false : 'needs a user whose permissions are enforced' }, async () => {
  const dir = repoWith({ '.env.production': 'DEBUG=True\n', 'secret/inner.py': 'x = 1\n', 'app.py': 'x = 1\n', '.env': 'A=1\n' });
  chmodSync(path.join(dir, '.env.production'), 0o000);
  chmodSync(path.join(dir, 'secret'), 0o000);
  try {
    const s = await measureCli(['scan', dir, '--format', 'json'], { unprivileged: true, timeoutMs: LIMIT_MS });
    assert.equal(s.code, 1, s.stderr);
    const report = json(s.stdout);
    assert.deepEqual(report.skipped, [
      { path: '.env.production', reason: 'unreadable', detail: 'permission denied' },
      { path: 'secret/', reason: 'unreadable', detail: 'directory: permission denied' },
    ]);
    assert.ok(report.findings.some((f) => f.ruleId === 'honban/skipped-target-file' && f.file === '.env.production' && f.status === 'open'));
    assertUserError(await measureCli(['scan', path.join(dir, '.env.production')], { unprivileged: true }), /cannot read .*\.env\.production: permission denied/);
    assertUserError(await measureCli(['scan', path.join(dir, 'secret')], { unprivileged: true }), /cannot read .*secret: permission denied/);
    const e = await measureCli(['env', dir], { unprivileged: true });
    assertUserError(e, /cannot validate production: an env file of production cannot be read\n\s+\.env\.production: unreadable \(permission denied\)/);
    const d = await measureCli(['diff', dir, '--from', 'development', '--to', 'production'], { unprivileged: true });
    assertUserError(d, /cannot validate production/);
  } finally {
    chmodSync(path.join(dir, 'secret'), 0o755);
  }
});

test('scan of an explicit file that the kernel refuses to read (EIO) exits 2', () => {
  if (!existsSync('/proc/self/mem')) return;
  const r = honban(['scan', '/proc/self/mem']);
  assertUserError(r, /cannot read \/proc\/self\/mem: (input\/output error|permission denied|EIO)/);
});

test('env: /dev/zero or a FIFO as an env file or a secret: exit 2 or a finding, never an abort or a hang', async () => {
  const dir = repoWith({ '.env': 'DB_PASSWORD_FILE=/dev/zero\nAPI_TOKEN_FILE=./token.fifo\n' });
  symlinkSync('/dev/zero', path.join(dir, '.env.production'));
  mkfifo(path.join(dir, 'token.fifo'));
  const m = await measureCli(['env', dir, '--format', 'json'], { timeoutMs: LIMIT_MS });
  console.log(describeMeasured('env with .env.production -> /dev/zero', m));
  assertUserError(m, /cannot validate production.*\n\s+\.env\.production: not a regular file \(character device\)/);
  rmSync(path.join(dir, '.env.production'));
  mkfifo(path.join(dir, '.env.production'));
  const f = await measureCli(['env', dir], { timeoutMs: LIMIT_MS });
  console.log(describeMeasured('env with a FIFO .env.production', f));
  assertUserError(f, /\.env\.production: not a regular file \(FIFO \(named pipe\)\)/);
  rmSync(path.join(dir, '.env.production'));
  const p = await measureCli(['env', dir, '--format', 'json', '--fail-on', 'none'], { timeoutMs: LIMIT_MS });
  console.log(describeMeasured('env with X_FILE pointers to /dev/zero and a FIFO', p));
  assert.equal(p.code, 0, p.stderr);
  const report = json(p.stdout);
  const unreadable = report.findings.filter((x) => x.ruleId === 'env/unreadable-secret-file').map((x) => x.key).sort();
  assert.deepEqual(unreadable, ['API_TOKEN', 'DB_PASSWORD']);
  const secretsDir = path.join(dir, 'secrets');
  mkdirSync(secretsDir);
  symlinkSync('/dev/zero', path.join(secretsDir, 'db_password'));
  const s = await measureCli(['env', dir, '--secrets-dir', secretsDir, '--format', 'json', '--fail-on', 'none'], { timeoutMs: LIMIT_MS });
  assert.equal(s.code, 0, s.stderr);
  assert.ok(json(s.stdout).skipped.some((k) => k.path.endsWith('secrets/db_password') && k.reason === 'special-file'));
});

test('probe --ca /dev/zero, a FIFO or a 1 MiB file of BEGIN lines: a user error at once', async () => {
  const dir = repoWith({ 'begin.pem': '-----BEGIN CERTIFICATE-----\n'.repeat(Math.floor(MIB / 29)) });
  mkfifo(path.join(dir, 'ca.fifo'));
  for (const ca of ['/dev/zero', path.join(dir, 'ca.fifo'), path.join(dir, 'begin.pem')]) {
    const m = await measureCli(['probe', 'https://127.0.0.1:9/', '--ca', ca, '--timeout', '500'], { timeoutMs: LIMIT_MS });
    console.log(describeMeasured(`probe --ca ${path.basename(ca)}`, m));
    assertUserError(m, /--ca .*(not a regular file|holds no PEM certificate)/);
  }
});

test('every format lists the files not read', () => {
  const dir = repoWith({ 'app.py': 'x = 1\n', 'big.txt': 'x'.repeat(MIB + 1) });
  writeFileSync(path.join(dir, 'bad\u001b[2Kname.txt'), Buffer.from([1, 0, 2]));
  const out = (format: string) => honban(['scan', dir, '--format', format, '--fail-on', 'none']).stdout;
  const pretty = out('pretty');
  assert.match(pretty, /Not read \(2\)\n  bad\\x1b\[2Kname\.txt: binary \(NUL byte at offset 1\)\n  big\.txt: too large \(1\.0 MiB \(limit 1\.0 MiB\)\)/);
  assert.match(pretty, /2 not read/);
  assert.match(out('markdown'), /<details><summary>Not read \(2\)<\/summary>\n\n- `bad\\x1b\[2Kname\.txt` — binary \(NUL byte at offset 1\)\n- `big\.txt` — too large/);
  const sarif = JSON.parse(out('sarif')) as { runs: { invocations: { toolExecutionNotifications: { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }[] };
  const notes = sarif.runs[0]!.invocations[0]!.toolExecutionNotifications;
  assert.deepEqual(notes.map((n) => [n.level, n.locations[0]!.physicalLocation.artifactLocation.uri]), [['warning', 'bad%1B%5B2Kname.txt'], ['warning', 'big.txt']]);
  const junit = out('junit');
  assert.match(junit, /<testcase classname="honban\.scan\.not-read" name="big\.txt">\n\s+<skipped message="Not read: too large/);
  assert.match(junit, /skipped="2"/);
  assert.equal(json(out('json')).skipped.length, 2);
  assert.match(honban(['scan', dir, '--fail-on', 'none', '--lang', 'ja']).stdout, /読まなかったファイル \(2 件\)/);
});

test('scanning a repository never runs git hooks or core.fsmonitor from its .git/config', () => {
  const dir = repoWith({ 'app.py': 'x = 1\n' });
  const marker = path.join(dir, 'pwned');
  const git = (...a: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.email=t@example.test', '-c', 'user.name=t', ...a], { stdio: 'ignore' });
  try {
    git('init', '-q');
    git('add', 'app.py');
    git('commit', '-qm', 'x');
  } catch {
    return; // no git: nothing to prove
  }
  git('config', 'core.fsmonitor', `touch ${marker}; false`);
  const r = honban(['scan', dir, '--fail-on', 'none']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(marker), false, 'core.fsmonitor ran');
});
