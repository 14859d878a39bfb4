/**
 * Issue 9: `honban scan` of a repository holding `.env.production` and `honban env` of the same
 * directory report the same rule ids for the same variables (one rule per problem), and an old id
 * in honban.yml still works, with a deprecation line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { honban } from '../../testing/cli.js';
import { RULE_ALIASES } from '../../lib/rule-aliases.js';

const MERGED = new Set(Object.values(RULE_ALIASES));

const ENV_PRODUCTION = [
  'DEBUG=True',
  'DISABLE_WTF_CSRF=1',
  'LOG_LEVEL=DEBUG',
  'FLASK_ENV=development',
  'RATELIMIT_STORAGE_URI=memory://',
  'SMTP_USERNAME=your_smtp_username',
  'DATABASE_URL=sqlite:///app.db',
  'SECRET_KEY=changeme',
  'MKS_DEBUG=yes',
  '',
].join('\n');

function ids(stdout: string): string[] {
  const rep = JSON.parse(stdout) as { findings: { ruleId: string; key?: string; file: string }[] };
  return rep.findings.filter((f) => MERGED.has(f.ruleId)).map((f) => `${f.ruleId} ${f.key ?? f.file}`).sort();
}

test('scan and env report the same ids for the same variables of .env.production', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'honban-same-ids-'));
  try {
    writeFileSync(path.join(dir, '.env.production'), ENV_PRODUCTION);
    chmodSync(path.join(dir, '.env.production'), 0o644);
    const scan = honban(['scan', dir, '-f', 'json', '--env', 'production', '--fail-on', 'none', '--quiet']);
    const env = honban(['env', dir, '-f', 'json', '--env', 'production', '--fail-on', 'none']);
    assert.equal(scan.code, 0, scan.stderr);
    assert.equal(env.code, 0, env.stderr);
    const fromScan = ids(scan.stdout);
    assert.deepEqual(fromScan, ids(env.stdout));
    // Every merged rule had something to say: the comparison is not vacuous.
    assert.deepEqual([...new Set(fromScan.map((x) => x.split(' ')[0]))].sort(), [...MERGED].sort());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an old id in honban.yml still switches the merged rule off, with a deprecation line', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'honban-alias-'));
  try {
    writeFileSync(path.join(dir, '.env.production'), 'DEBUG=True\n');
    writeFileSync(path.join(dir, 'honban.yml'), 'rules:\n  env/debug-mode-on: off\n');
    for (const cmd of [['scan', dir, '--quiet'], ['env', dir]]) {
      const r = honban([...cmd, '-f', 'json', '--env', 'production', '--fail-on', 'none']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(!ids(r.stdout).some((x) => x.startsWith('env/debug-enabled')), `${cmd[0]}: ${r.stdout}`);
      if (cmd[0] === 'env') assert.match(r.stderr, /rules\.env\/debug-mode-on: rule id env\/debug-mode-on is deprecated, it is now env\/debug-enabled/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
