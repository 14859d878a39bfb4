/** `honban host` end to end: the real CLI on the fixture roots (exit codes, formats, --record / --facts, usage errors). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { materialize } from '../../testing/host.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/honban.js');
const run = (args: string[], cwd?: string) => spawnSync(process.execPath, [BIN, 'host', ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1', LANG: 'C' } });

test('honban host --root: JSON report; exit 1 on the neglected root; the hardened one has at most its (dated) certificate', () => {
  const now = new Date();
  const bad = materialize('neglected', now);
  const good = materialize('hardened', now);
  try {
    const r = run(['--root', bad.root, '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.command, 'host');
    assert.ok(report.findings.some((f: { ruleId: string; file: string; line: number }) => f.ruleId === 'sshd/root-login' && f.file === 'etc/ssh/sshd_config' && f.line === 5));
    assert.ok(report.extra.notChecked.some((n: { ruleId: string }) => n.ruleId === 'host/unexpected-listener'));
    // The hardened twin: its only possible finding is its certificate, valid until 2026-08-20 (judged today).
    const g = run(['--root', good.root, '--format', 'json', '--fail-on', 'high']);
    const gr = JSON.parse(g.stdout);
    const expired = Date.now() > Date.parse('2026-08-20T00:00:00Z') - 30 * 86_400_000;
    assert.deepEqual(gr.findings.map((f: { ruleId: string }) => f.ruleId), expired ? ['host/certificate-expiring'] : []);
    assert.equal(g.status, expired && Date.now() > Date.parse('2026-08-06T00:00:00Z') ? 1 : 0);
  } finally {
    bad.cleanup();
    good.cleanup();
  }
});

test('--record writes facts (mode 600) that --facts judges the same way, with waivers of this run', () => {
  const { root, cleanup } = materialize('neglected', new Date());
  const dir = mkdtempSync(path.join(os.tmpdir(), 'honban-host-cli-'));
  try {
    const facts = path.join(dir, 'facts.json');
    const a = run(['--root', root, '--record', facts, '--format', 'json', '--fail-on', 'none']);
    assert.equal(a.status, 0, a.stderr);
    assert.equal(JSON.parse(readFileSync(facts, 'utf8')).format, 'honban-host-facts');
    assert.equal(statSync(facts).mode & 0o777, 0o600);
    const b = run(['--facts', facts, '--format', 'json', '--fail-on', 'none']);
    const ids = (out: string) => JSON.parse(out).findings.map((f: { ruleId: string; file: string; line?: number }) => `${f.ruleId} ${f.file}:${f.line ?? '-'}`);
    assert.deepEqual(ids(b.stdout), ids(a.stdout));
    writeFileSync(path.join(dir, 'honban.yml'), 'waivers:\n  - rule: host/low-cpu\n    reason: sized by the PM decision\n    owner: sato\n');
    const c = run(['--facts', facts, '--format', 'json', '--fail-on', 'none'], dir);
    const low = JSON.parse(c.stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'host/low-cpu');
    assert.equal(low.status, 'waived');
    const ja = run(['--facts', facts, '--lang', 'ja', '--fail-on', 'none']);
    assert.match(ja.stdout, /未確認/);
    // Baselines: today's findings recorded, then only new ones count.
    const base = path.join(dir, 'baseline.json');
    assert.equal(run(['--facts', facts, '--write-baseline', base, '--fail-on', 'none']).status, 0);
    const d = run(['--facts', facts, '--baseline', base, '--format', 'json']);
    assert.equal(d.status, 0, d.stderr);
    const statuses = new Set(JSON.parse(d.stdout).findings.map((f: { status: string }) => f.status));
    assert.deepEqual([...statuses], ['baseline']);
  } finally {
    cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('usage errors exit 2 with one line', () => {
  const a = run(['--root', '/nonexistent/dir']);
  assert.equal(a.status, 2);
  assert.match(a.stderr, /^honban: error: cannot read --root/);
  const b = run(['--root', '/tmp', '--facts', 'x.json']);
  assert.equal(b.status, 2);
  const c = run(['--facts', '/nonexistent.json']);
  assert.equal(c.status, 2);
  assert.match(c.stderr, /cannot read host facts/);
  const d = run(['somewhere']);
  assert.equal(d.status, 2);
});
