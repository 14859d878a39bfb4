import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { classifyKind, discover } from './discover.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'honban-discover-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), c);
  }
  return dir;
}

test('classifyKind: by name, and YAML by content', () => {
  assert.equal(classifyKind('Dockerfile'), 'dockerfile');
  assert.equal(classifyKind('docker/Dockerfile.prod'), 'dockerfile');
  assert.equal(classifyKind('api.dockerfile'), 'dockerfile');
  assert.equal(classifyKind('Containerfile'), 'dockerfile');
  // Code about Dockerfiles and Procfiles is code (honban's own src/collect/dockerfile.ts once failed to parse as a Dockerfile).
  assert.equal(classifyKind('src/collect/dockerfile.ts'), 'typescript');
  assert.equal(classifyKind('src/collect/dockerfile.test.ts'), 'typescript');
  assert.equal(classifyKind('lib/procfile.py'), 'python');
  assert.equal(classifyKind('Dockerfile.dev'), 'dockerfile');
  assert.equal(classifyKind('.dockerignore'), 'dockerignore');
  assert.equal(classifyKind('.env.production'), 'dotenv');
  assert.equal(classifyKind('env/prod/app.env'), 'dotenv');
  assert.equal(classifyKind('docker-compose.prod.yml'), 'compose');
  assert.equal(classifyKind('deploy/stack.yml', 'version: "3"\nservices:\n  web: {}\n'), 'compose');
  assert.equal(classifyKind('k8s/app.yaml', 'apiVersion: apps/v1\nkind: Deployment\n'), 'kubernetes');
  assert.equal(classifyKind('.github/workflows/ci.yml', 'on: push\njobs: {}\n'), 'yaml');
  assert.equal(classifyKind('nginx/conf.d/app.conf'), 'nginx');
  assert.equal(classifyKind('deploy/site.conf', 'server {\n listen 80;\n}\n'), 'nginx');
  assert.equal(classifyKind('deploy/app.service'), 'systemd');
  assert.equal(classifyKind('infra/main.tf'), 'terraform');
  assert.equal(classifyKind('infra/prod.tfvars'), 'tfvars');
  assert.equal(classifyKind('app.py'), 'python');
  assert.equal(classifyKind('config/environments/production.rb'), 'ruby');
  assert.equal(classifyKind('server.ts'), 'typescript');
  assert.equal(classifyKind('types.d.ts'), undefined);
  assert.equal(classifyKind('templates/base.html'), 'html');
  assert.equal(classifyKind('Procfile'), 'procfile');
  assert.equal(classifyKind('etc/ssh/sshd_config'), 'sshd');
  assert.equal(classifyKind('scripts/setup', '#!/bin/bash\necho hi\n'), 'shell');
  assert.equal(classifyKind('README.md'), 'text');
});

test('classifyKind: a lazily read text is decoded only for the kinds its content decides', () => {
  const lazy = (t: string) => {
    const calls = { all: 0, firstLine: 0 };
    return { calls, text: { all: () => (calls.all++, t), firstLine: () => (calls.firstLine++, t.split('\n')[0]!) } };
  };
  const md = lazy('# Notes\nservices: none\n');
  assert.equal(classifyKind('docs/notes.md', md.text), 'text');
  assert.equal(md.calls.all, 0, 'a document is never decoded whole: only its first line, for a shebang');
  const sh = lazy('#!/usr/bin/env bash\nset -e\n');
  assert.equal(classifyKind('scripts/deploy', sh.text), 'shell');
  assert.equal(sh.calls.all, 0);
  const py = lazy('import os\n');
  assert.equal(classifyKind('app/models.py', py.text), 'python');
  assert.deepEqual(py.calls, { all: 0, firstLine: 0 });
  const compose = lazy('version: "3"\nservices:\n  web: {}\n');
  assert.equal(classifyKind('deploy/stack.yml', compose.text), 'compose');
  assert.ok(compose.calls.all > 0);
});

test('discover: a file is read lazily and classified as before (shebang after a BOM, CRLF, NUL bytes, UTF-16)', async () => {
  const dir = tree({
    'bin/run': '\ufeff#!/bin/sh\r\necho hi\r\n',
    'deploy/stack.yml': 'services:\n  web:\n    image: app\n',
    'notes.md': 'plain\u0000text\n',
    'app.py': 'import os\u0000\n',
  });
  writeFileSync(path.join(dir, 'wide.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('#!/bin/bash\n', 'utf16le')]));
  const d = await discover([dir]);
  const kinds = Object.fromEntries(d.files.map((f) => [f.path, f.kind]));
  assert.deepEqual(kinds, { 'app.py': 'python', 'bin/run': 'shell', 'deploy/stack.yml': 'compose', 'wide.txt': 'shell' });
  assert.deepEqual(d.skipped.map((s) => `${s.path} ${s.reason} ${s.detail}`), ['notes.md binary NUL byte at offset 5']);
});

test('classifyKind: an nginx site file without a telling name is recognised by its parsed content, not by its name', () => {
  const site = 'server {\n    listen 80;\n    server_name _;\n    location / { proxy_pass http://localhost:8000; }\n}\n';
  assert.equal(classifyKind('deployment/nginx/shop', site), 'nginx');
  assert.equal(classifyKind('proxy/conf', site), 'nginx');
  assert.equal(classifyKind('deploy/default.conf.template', site), 'nginx');
  assert.equal(classifyKind('proxy/conf', 'upstream app {\n    server app:8000;\n}\n'), 'nginx');
  // Not nginx: prose that mentions a block, a block without nginx directives, a file that does not parse outside an nginx directory, a huge file.
  assert.equal(classifyKind('docs/NOTES', 'Set up the proxy like this\nserver {\n    listen 80;\n}\n'), 'text');
  assert.equal(classifyKind('scripts/conf', 'server {\n    port = 80\n}\n'), 'text');
  assert.equal(classifyKind('proxy/conf', 'server {\n    listen 80;\n'), 'text');
  assert.equal(classifyKind('proxy/conf', `${site}${'#'.repeat(300 * 1024)}\n`), 'text');
  assert.equal(classifyKind('deployment/nginx/shop', 'Makefile-ish text with no block\n'), 'text');
  assert.equal(classifyKind('README.md', site), 'text');
  // In a directory named for nginx, a file that looks like nginx but fails to parse is nginx: its error is reported.
  assert.equal(classifyKind('deployment/nginx/shop', 'server {\n    listen 80;\n'), 'nginx');
});

test('discover: skips VCS, dependencies, virtualenvs and binaries; honours .gitignore but keeps env files', async () => {
  const dir = tree({
    'app.py': 'print(1)\n',
    '.gitignore': 'build/\n*.log\n.env*\n!.env.example\n',
    '.env': 'A=1\n',
    '.env.production': 'B=2\n',
    '.env.example': 'A=\n',
    'build/out.py': 'x=1\n',
    'debug.log': 'x\n',
    'node_modules/lib/index.js': 'x\n',
    '.git/config': '[core]\n',
    'myenv/pyvenv.cfg': 'home = /usr\n',
    'myenv/lib/x.py': 'x=1\n',
    'venv/lib/y.py': 'x=1\n',
    'vendor/bundle/z.rb': 'x=1\n',
    'img.png': 'PNG',
    'data.bin': 'a\u0000b',
    'package-lock.json': '{}',
    'sub/.gitignore': 'secret.txt\n',
    'sub/secret.txt': 'x\n',
    'sub/ok.txt': 'x\n',
  });
  const { files, root } = await discover([dir]);
  assert.equal(root, dir);
  const got = files.map((f) => f.path);
  assert.deepEqual(got, ['.env', '.env.example', '.env.production', '.gitignore', 'app.py', 'sub/.gitignore', 'sub/ok.txt']);
  const prod = files.find((f) => f.path === '.env.production')!;
  assert.equal(prod.gitIgnored, true);
  assert.equal(prod.environment, 'production');
  assert.equal(prod.kind, 'dotenv');
  assert.equal(files.find((f) => f.path === '.env.example')!.gitIgnored, false);
  assert.equal(files.find((f) => f.path === '.env.example')!.environment, 'template');
});

test('discover: inside a git work tree, a tracked file is not ignored even if .gitignore matches it', async () => {
  const dir = tree({ '.env.production': 'A=1\n', 'app.py': 'x=1\n' });
  execFileSync('git', ['init', '-q'], { cwd: dir });
  execFileSync('git', ['add', '.'], { cwd: dir });
  writeFileSync(path.join(dir, '.gitignore'), '.env.production\n');
  const { files } = await discover([dir]);
  const f = files.find((x) => x.path === '.env.production')!;
  assert.equal(f.gitTracked, true);
  assert.equal(f.gitIgnored, false);
});

test('discover: explicit files, and ignore patterns from honban.yml', async () => {
  const dir = tree({ 'a/Dockerfile': 'FROM x\n', 'b/Dockerfile': 'FROM y\n', 'fixtures/x.py': 'x\n' });
  const { files } = await discover([dir], { ignore: ['fixtures/'] });
  assert.deepEqual(files.map((f) => f.path), ['a/Dockerfile', 'b/Dockerfile']);
  const one = await discover([path.join(dir, 'a/Dockerfile')]);
  assert.equal(one.files.length, 1);
  assert.equal(one.files[0]!.kind, 'dockerfile');
});

test('discover: a missing path is a user error', async () => {
  await assert.rejects(discover(['/nonexistent/honban']), /cannot read/);
});
