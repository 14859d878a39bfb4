/**
 * The published package: `npm pack` → install the tarball into a fresh project → `npx honban scan .`
 * works, the package ships no test code, and the installed size stays within 30 MB.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO } from './testing/cli.js';

const MAX_INSTALL_BYTES = 30 * 1024 * 1024;

function run(cmd: string, args: string[], cwd: string, timeout = 300_000) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

/** Apparent size of a tree (what the installed files take, independent of the file system's blocks). */
function treeBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) n += treeBytes(p);
    else n += lstatSync(p).size;
  }
  return n;
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

test('npm pack → install in another project → npx honban scan . works; no test code ships; install ≤ 30 MB', { timeout: 600_000 }, (t) => {
  const work = mkdtempSync(path.join(tmpdir(), 'honban-pack-'));
  try {
    // --ignore-scripts: `prepare` would rebuild dist/ while the test runner uses it; the tests run after a build.
    const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], REPO);
    assert.equal(pack.code, 0, pack.stderr);
    const info = JSON.parse(pack.stdout)[0] as { filename: string; size: number; unpackedSize: number; files: { path: string }[] };
    const files = info.files.map((f) => f.path);
    t.diagnostic(`npm pack: ${info.filename} ${MB(info.size)} packed, ${MB(info.unpackedSize)} unpacked, ${files.length} files`);

    // What a package must carry, and what it must not.
    for (const f of ['LICENSE', 'README.md', 'package.json', 'bin/honban.js', 'dist/index.js', 'dist/index.d.ts', 'schema/honban.schema.json', 'action.yml']) assert.ok(files.includes(f), `package lacks ${f}`);
    assert.deepEqual(files.filter((f) => /\.test\.(js|d\.ts)$|\.map$|(^|\/)fixtures?\//.test(f) || f.startsWith('src/') || f.startsWith('test/')), [], 'tests, fixtures, sources or source maps in the package');
    // Test helpers under any name: no packed module may import the test runner or assert.
    const helpers = files.filter((f) => f.endsWith('.js') && /from ['"]node:(test|assert)(\/strict)?['"]/.test(readFileSync(path.join(REPO, f), 'utf8')));
    assert.deepEqual(helpers, [], 'test helpers in the package (add them to the "files" exclusions in package.json)');
    const grammars = files.filter((f) => f.endsWith('.wasm'));
    assert.deepEqual(grammars.map((f) => path.basename(f)).sort(), ['tree-sitter-javascript.wasm', 'tree-sitter-python.wasm', 'tree-sitter-ruby.wasm', 'tree-sitter-terraform.wasm', 'tree-sitter-tsx.wasm', 'tree-sitter-typescript.wasm']);
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.equal(pkg.license, 'MIT');
    assert.match(readFileSync(path.join(REPO, 'LICENSE'), 'utf8'), /^MIT License/);
    assert.match(pkg.repository.url, /github\.com\/honban-dev\/honban/);
    assert.match(pkg.homepage, /github\.com\/honban-dev\/honban/);
    assert.match(pkg.bugs.url, /github\.com\/honban-dev\/honban\/issues/);
    for (const dep of Object.keys(pkg.dependencies)) assert.ok(!dep.includes('tree-sitter-'), `${dep}: grammar packages are devDependencies (their .wasm is copied into dist/grammars)`);

    // A user's project: install from the tarball (dependencies from the registry).
    const project = path.join(work, 'project');
    mkdirSync(path.join(project, 'config', 'environments'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true }));
    const install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-dev', path.join(work, info.filename)], project);
    if (install.code !== 0 && /ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED/.test(install.stderr) && process.env.CI !== 'true') {
      t.skip(`npm registry not reachable: ${install.stderr.split('\n').find((l) => /ERR/.test(l)) ?? ''}`);
      return;
    }
    assert.equal(install.code, 0, install.stderr);
    const installed = treeBytes(path.join(project, 'node_modules'));
    t.diagnostic(`installed size (node_modules of a fresh project, apparent bytes): ${MB(installed)}`);
    assert.ok(installed <= MAX_INSTALL_BYTES, `install takes ${MB(installed)}, more than 30 MB`);

    // One file per grammar, so every shipped .wasm is loaded once.
    const src: Record<string, string> = {
      'app.py': 'from flask import Flask\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(debug=True)\n',
      'config/environments/production.rb': 'Rails.application.configure do\n  config.consider_all_requests_local = true\nend\n',
      'server.js': "const express = require('express');\nconst app = express();\napp.listen(3000);\n",
      'db.ts': "export const url: string = process.env.DATABASE_URL ?? '';\n",
      'view.tsx': 'export const View = () => <div>{process.env.API_URL}</div>;\n',
      'main.tf': 'resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  publicly_accessible = true\n}\n',
    };
    for (const [p, c] of Object.entries(src)) writeFileSync(path.join(project, p), c);
    const scan = run('npx', ['--no-install', 'honban', 'scan', '.', '--format', 'json'], project, 120_000);
    assert.equal(scan.code, 1, scan.stderr);
    const report = JSON.parse(scan.stdout) as { errors: unknown[]; findings: { ruleId: string; file: string; line: number }[] };
    assert.deepEqual(report.errors, []);
    const seen = new Set(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`));
    for (const want of ['flask/debug-enabled app.py:5', 'rails/detailed-errors config/environments/production.rb:2', 'tf-aws/rds-public main.tf:3', 'express/missing-security-headers server.js:2']) assert.ok(seen.has(want), `missing ${want}`);
    const version = run('npx', ['--no-install', 'honban', '--version'], project);
    assert.equal(version.stdout.trim(), pkg.version);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
