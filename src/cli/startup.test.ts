/**
 * Start-up loads only what the command needs (issue 14: module loading was most of `honban host`'s
 * time). The modules each run loads are recorded by a module hook; nothing here is timed (speed is
 * measured by `npm run bench`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, REPO } from '../testing/cli.js';
import { materialize } from '../testing/host.js';

/** The honban modules (paths under dist/) and packages one CLI run loads. */
function loaded(args: string[]): { modules: string[]; packages: string[]; code: number | null } {
  const dir = mkdtempSync(path.join(tmpdir(), 'honban-startup-'));
  try {
    const log = path.join(dir, 'modules.txt');
    writeFileSync(log, '');
    writeFileSync(path.join(dir, 'hooks.mjs'), "import { appendFileSync } from 'node:fs';\nexport async function load(url, ctx, next) { appendFileSync(process.env.HONBAN_MODULE_LOG, url + '\\n'); return next(url, ctx); }\n");
    writeFileSync(path.join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
    const r = spawnSync(process.execPath, ['--import', path.join(dir, 'register.mjs'), BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, HONBAN_MODULE_LOG: log, NO_COLOR: '1' } });
    const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    const dist = `${path.join(REPO, 'dist')}/`;
    const files = urls.filter((u) => u.startsWith('file://')).map((u) => new URL(u).pathname);
    return {
      modules: files.filter((f) => f.startsWith(dist)).map((f) => f.slice(dist.length)),
      packages: [...new Set(files.filter((f) => f.includes('/node_modules/')).map((f) => f.split('/node_modules/').pop()!.split('/')[0]!))],
      code: r.status,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ruleDomains = (modules: string[]) => [...new Set(modules.filter((m) => m.startsWith('rules/') && m.split('/').length === 3).map((m) => m.split('/')[1]!))].sort();

test('--version loads no module of honban; --help loads no command, rule, collector or reporter', () => {
  assert.deepEqual(loaded(['--version']).modules, []);
  const help = loaded(['--help']);
  assert.equal(help.code, 0);
  assert.deepEqual(help.modules.filter((m) => /^(rules|collect|commands|report|engine)\//.test(m)), []);
  assert.deepEqual(help.packages, []);
});

test('honban host --root loads the host rules and the deployed-file domains only, one reporter, no tree-sitter', () => {
  const fixture = materialize('neglected', new Date());
  try {
    const r = loaded(['host', '--root', fixture.root, '--format', 'json', '--fail-on', 'none']);
    assert.equal(r.code, 0);
    assert.deepEqual(ruleDomains(r.modules), ['env', 'gunicorn', 'honban', 'host', 'nginx', 'sshd', 'systemd']);
    assert.ok(!r.modules.includes('rules/index.js'), 'the index that imports every rule is not loaded');
    assert.deepEqual(r.modules.filter((m) => m.startsWith('report/') && !['report/formats.js', 'report/filter.js', 'report/text.js', 'report/escape.js'].includes(m)), ['report/json.js']);
    for (const p of ['web-tree-sitter', 'yaml', 'ignore', 'secretlint', 'pg', 'playwright-core']) assert.ok(!r.packages.includes(p), p);
  } finally {
    fixture.cleanup();
  }
});

test('honban scan loads the scan rules, not the probe, env-only or host rules', () => {
  const r = loaded(['scan', path.join(REPO, 'examples', 'flask-leaky'), '--format', 'json', '--fail-on', 'none', '--no-cache']);
  assert.equal(r.code, 0);
  const domains = ruleDomains(r.modules);
  for (const d of ['host', 'tls', 'csp', 'http', 'cookie']) assert.ok(!domains.includes(d), d);
  assert.ok(domains.includes('flask') && domains.includes('env'), domains.join(' '));
  assert.ok(!r.modules.includes('rules/index.js'));
});
