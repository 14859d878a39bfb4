import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toSourceFiles } from '../commands/scan.js';
import { parseSystemdUnit, parseUnit } from './systemd.js';
import { entries, setting } from '../facts/systemd.js';

const unit = (path: string, content: string, others: Record<string, string> = {}) => {
  const files = toSourceFiles([{ path, content }, ...Object.entries(others).map(([p, c]) => ({ path: p, content: c }))]);
  const secrets: string[] = [];
  const u = parseSystemdUnit(files.find((f) => f.path === path)!, { files, registerSecret: (v) => secrets.push(v) });
  return { u, secrets };
};

test('parseUnit: sections, comments, continuations (with a comment inside), repeated keys and resets', () => {
  const s = parseUnit(['# top', '[Unit]', 'Description = My app ', '', '[Service]', 'ExecStart=/usr/bin/a \\', '; a comment inside', '  --flag \\', '  value', 'Environment=A=1', 'Environment=B=2', 'Environment=', 'Environment=C=3'].join('\n'));
  assert.deepEqual(s.map((x) => `${x.name}@${x.line}`), ['Unit@2', 'Service@5']);
  assert.equal(setting({ sections: s }, 'Unit', 'Description')!.value, 'My app');
  const exec = setting({ sections: s }, 'Service', 'ExecStart')!;
  assert.equal(exec.value, '/usr/bin/a    --flag    value'); // each backslash becomes a space (systemd.syntax)
  assert.deepEqual(exec.positions[exec.value.indexOf('value')], [9, 3]);
  assert.deepEqual(entries({ sections: s }, 'Service', 'Environment').map((e) => e.value), ['C=3']);
});

test('parseSystemdUnit: Exec prefixes, quoting, Environment= words with positions, commands for ExecStart only', () => {
  const { u, secrets } = unit(
    'deploy/app.service',
    [
      '[Service]',
      'User=app',
      'Environment="A=one two" B=3 \'SECRET_KEY=s3cr3t-value-with-enough-length\'',
      'ExecStartPre=-/usr/bin/mkdir -p /run/app',
      'ExecStart=!!/usr/bin/env "ARG=with space" /srv/app/bin/run --name \'x y\'',
    ].join('\n'),
  );
  assert.deepEqual(u.provides.map((p) => `${p.name}=${p.value}@${p.line}:${p.column}`), ['A=one two@3:13', 'B=3@3:25', 'SECRET_KEY=s3cr3t-value-with-enough-length@3:29']);
  assert.deepEqual(secrets, ['s3cr3t-value-with-enough-length']);
  assert.equal(u.commands.length, 1);
  const c = u.commands[0]!;
  assert.equal(c.source, 'systemd-execstart');
  assert.equal(c.prefixes, '!!');
  assert.deepEqual(c.argv, ['/usr/bin/env', 'ARG=with space', '/srv/app/bin/run', '--name', 'x y']);
  assert.equal(c.column, 13);
  assert.deepEqual(u.exec.map((e) => `${e.key}:${e.prefixes}`), ['ExecStartPre:-', 'ExecStart:!!']);
});

test('parseSystemdUnit: EnvironmentFile= in the repository provides its variables; outside, an opaque source', () => {
  const { u, secrets } = unit('ops/app.service', ['[Service]', 'EnvironmentFile=-/opt/mks/backend/.env.production', 'EnvironmentFile=/etc/app/env'].join('\n'), {
    'backend/.env.production': 'MKS_SECRET_KEY=abcdefghijklmnopqrstuvwxyz0123456789\nMKS_LOG_LEVEL=INFO\n',
  });
  assert.deepEqual(u.environmentFiles.map((r) => [r.path, r.optional, r.repoPath]), [
    ['/opt/mks/backend/.env.production', true, 'backend/.env.production'],
    ['/etc/app/env', false, undefined],
  ]);
  assert.deepEqual(u.provides.map((p) => `${p.mechanism} ${p.name} ${p.file}:${p.line}`), [
    'EnvironmentFile= MKS_SECRET_KEY backend/.env.production:1',
    'EnvironmentFile= MKS_LOG_LEVEL backend/.env.production:2',
    'EnvironmentFile= /etc/app/env ops/app.service:3',
  ]);
  assert.deepEqual(secrets, ['abcdefghijklmnopqrstuvwxyz0123456789']);
});
