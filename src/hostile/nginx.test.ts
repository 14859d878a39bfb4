/**
 * `scan --nginx-test` never runs code from the repository (issue 11, problem 2): `load_module` of a
 * shared object from the repository — absolute, through /proc/self/cwd, or relative — is removed
 * before `nginx -t` runs, and the removal is said; modules of this machine's own nginx still load.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findNginx, ownModule } from '../collect/nginx-test.js';
import { honban } from '../testing/cli.js';
import { repoWith } from '../testing/hostile.js';

const nginx = findNginx();
const skip = nginx ? false : process.env.CI === 'true' ? false : 'nginx is not installed: apt-get install nginx to run the --nginx-test hostile tests';
const gcc = ['/usr/bin/cc', '/usr/bin/gcc'].find((p) => existsSync(p));

/** A shared object whose constructor writes `marker` when loaded (or, without a C compiler, a file nginx cannot load). */
function evilModule(dir: string, marker: string): string {
  const so = path.join(dir, 'evil.so');
  if (gcc) {
    const c = path.join(dir, 'evil.c');
    writeFileSync(c, `#include <stdio.h>\n__attribute__((constructor)) static void run(void) { FILE *f = fopen(${JSON.stringify(marker)}, "w"); if (f) { fputs("ran", f); fclose(f); } }\n`);
    const r = spawnSync(gcc, ['-shared', '-fPIC', '-o', so, c], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    rmSync(c);
  } else writeFileSync(so, 'not an ELF object: nginx -t fails with dlopen() if it tries to load it\n');
  return so;
}

test('--nginx-test: load_module from the repository (absolute, /proc/self/cwd, relative) is removed, never loaded', { skip }, () => {
  const dir = repoWith({});
  const marker = path.join(dir, 'MARKER-code-ran');
  evilModule(dir, marker);
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      `load_module ${path.join(dir, 'evil.so')};`,
      'load_module /proc/self/cwd/evil.so;',
      'load_module modules/../../../../../../..' + path.join(dir, 'evil.so') + ';',
      'load_module',
      '    "evil.so";',
      'events {}',
      'http {',
      '    server { listen 127.0.0.1:65081; return 200 "ok"; }',
      '}',
      '',
    ].join('\n'),
  );
  try {
    const r = honban(['scan', dir, '--nginx-test', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(existsSync(marker), false, 'the shared object of the repository ran inside nginx -t');
    assert.match(r.stderr, /nginx -t nginx\.conf: ok/, r.stderr);
    assert.match(r.stderr, /load_module .*evil\.so.* removed: not a module of this machine's nginx/);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string }[] };
    assert.ok(!report.findings.some((f) => f.ruleId === 'nginx/config-test-failed'), 'the rest of the configuration still passes nginx -t');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--nginx-test: Perl, njs and Lua directives that run code while nginx loads are removed and said', { skip }, () => {
  const dir = repoWith({
    'nginx.conf': ['events {}', 'http {', '    perl_modules perl/lib;', '    perl_require evil.pm;', '    js_import evil.js;', '    server { listen 127.0.0.1:65082; }', '}', ''].join('\n'),
  });
  try {
    const r = honban(['scan', dir, '--nginx-test', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /perl_modules removed: honban never runs code from the repository/);
    assert.match(r.stderr, /js_import removed/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ownModule: only shared objects under the modules directory of this machine\'s nginx', () => {
  const dir = repoWith({ 'modules/ngx_ok.so': 'x', 'elsewhere/evil.so': 'x', 'modules/notes.txt': 'x' });
  try {
    const build = { prefix: dir, modulesPath: path.join(dir, 'modules'), confDir: dir };
    assert.equal(ownModule('modules/ngx_ok.so', build), path.join(dir, 'modules/ngx_ok.so'));
    assert.equal(ownModule(path.join(dir, 'modules/ngx_ok.so'), build), path.join(dir, 'modules/ngx_ok.so'));
    assert.equal(ownModule('modules/../elsewhere/evil.so', build), undefined);
    assert.equal(ownModule(path.join(dir, 'elsewhere/evil.so'), build), undefined);
    assert.equal(ownModule('modules/notes.txt', build), undefined);
    assert.equal(ownModule('/proc/self/cwd/evil.so', build), undefined);
    assert.equal(ownModule('modules/missing.so', build), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Debian's dynamic modules (libnginx-mod-*), enabled through /etc/nginx/modules-enabled. */
const enabled = existsSync('/etc/nginx/modules-enabled') ? readdirSync('/etc/nginx/modules-enabled').filter((n) => n.endsWith('.conf')) : [];
const skipModules = skip || (enabled.length ? false : process.env.CI === 'true' ? false : 'no Debian nginx module is enabled: apt-get install libnginx-mod-http-echo to run this test');

test('--nginx-test: the good fixture passes with Debian\'s libnginx-mod-* enabled (the server\'s own modules load)', { skip: skipModules }, () => {
  assert.ok(enabled.length, 'CI=true: .ci/run installs libnginx-mod-http-echo');
  const r = honban(['scan', 'test/fixtures/nginx/good', '--nginx-test', '--format', 'json', '--fail-on', 'none']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /nginx -t nginx\.conf: ok/, r.stderr);
  const report = JSON.parse(r.stdout) as { findings: { ruleId: string; message: string }[] };
  assert.deepEqual(report.findings.filter((f) => f.ruleId === 'nginx/config-test-failed').map((f) => f.message), []);
});
