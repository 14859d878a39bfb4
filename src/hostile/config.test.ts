/**
 * Hostile or broken configuration and options: every case is one clear error line and exit 2 —
 * never a crash (a stack), never a hang, never "accepted" when it cannot mean anything.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { honban } from '../testing/cli.js';
import { describeMeasured, measureCli } from '../testing/measure.js';
import { repoWith, yamlAliasBomb } from '../testing/hostile.js';

function expectUserError(r: { code: number; stderr: string }, pattern: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.doesNotMatch(r.stderr, /crashed|\n\s+at /, 'a user error, not a crash');
  assert.match(r.stderr, pattern);
}

test('config: waivers as a mapping or a string are listed problems, not a crash', () => {
  for (const waivers of ['\n  rule: env/debug-enabled\n  reason: x', ' "everything"', ' 42']) {
    const dir = repoWith({ 'honban.yml': `waivers:${waivers}\nrules: "all"\nvariables: [1]\n`, '.env.production': 'DEBUG=1\n' });
    for (const cmd of [['scan', dir], ['env', dir]]) {
      const r = honban(cmd);
      expectUserError(r, /invalid config .*honban\.yml: 3 problems/);
      assert.match(r.stderr, /waivers: must be array/);
      assert.match(r.stderr, /rules: must be object/);
      assert.match(r.stderr, /variables: must be object/);
    }
  }
});

test('config: a YAML alias bomb in honban.yml stops at the alias limit', async () => {
  const dir = repoWith({ 'honban.yml': `failOn: high\nbomb:\n${yamlAliasBomb(9, 9).replace(/^/gm, '  ')}`, '.env.production': 'DEBUG=1\n' });
  const m = await measureCli(['scan', dir], { timeoutMs: 30_000 });
  console.log(describeMeasured('alias bomb in honban.yml', m));
  expectUserError(m, /YAML aliases expand too far/);
  assert.ok(m.maxRssMiB! < 300);
});

test('--write-baseline to an unwritable path is a user error', () => {
  const dir = repoWith({ '.env.production': 'DEBUG=1\n' });
  expectUserError(honban(['scan', dir, '--write-baseline', '/proc/honban-no-such-dir/baseline.json']), /^honban: error: cannot write baseline \/proc\/honban-no-such-dir\/baseline\.json: ENOENT$/m);
  expectUserError(honban(['env', dir, '--write-baseline', '/proc/honban-no-such-dir/baseline.json']), /cannot write baseline/);
});

test('--env, --from and --to must name an environment', () => {
  const dir = repoWith({ '.env.production': 'DEBUG=1\n' });
  expectUserError(honban(['scan', dir, '--env', '']), /--env needs an environment name/);
  expectUserError(honban(['env', dir, '--env', ' ']), /--env needs an environment name/);
  expectUserError(honban(['env', dir, '--env', '../../etc']), /--env must be an environment name/);
  expectUserError(honban(['diff', dir, '--from', '', '--to', 'staging']), /--from needs an environment name/);
  expectUserError(honban(['probe', 'https://127.0.0.1:9/', '--env', '\u001b[2J']), /--env must be an environment name/);
  expectUserError(honban(['scan', dir, '--env', 'x'.repeat(65)]), /--env must be an environment name/);
});

test('config: environment names in honban.yml are names, not paths', () => {
  const dir = repoWith({ 'honban.yml': 'environment: "../prod"\nenvironments:\n  "../../etc":\n    files: [x.env]\n', '.env.production': 'DEBUG=1\n' });
  const r = honban(['scan', dir]);
  expectUserError(r, /environment: must match pattern/);
});
