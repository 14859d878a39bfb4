import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toSourceFiles } from '../commands/scan.js';
import collector, {  } from './sshd.js';
import { effective, type SshdConfig } from '../facts/sshd.js';

function collect(files: Record<string, string>): SshdConfig[] {
  const list = toSourceFiles(Object.entries(files).map(([path, content]) => ({ path, content })));
  const ctx = { environment: 'production', files: list, customEnvs: [], registerSecret() {} };
  return list.filter((f) => f.kind === 'sshd').map((f) => collector.collect(f, ctx) as SshdConfig | undefined).filter((x): x is SshdConfig => x !== undefined);
}

test('sshd collector: Keyword=value, quotes, comments, Match scope, first value wins, Include expanded in place', () => {
  const [cfg, ...rest] = collect({
    'ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\nport=2222 # trailing comment\nAllowUsers "deploy" admin\nPasswordAuthentication no\nMatch User backup\n  PasswordAuthentication yes\n',
    'ssh/sshd_config.d/10-a.conf': 'PasswordAuthentication yes\n',
  });
  assert.equal(rest.length, 0, 'the included drop-in is judged as part of sshd_config');
  assert.deepEqual(cfg!.directives.map((d) => `${d.key}=${d.value}@${d.file}:${d.line}:${d.valueColumn}${d.match ? ' [' + d.match.criteria + ']' : ''}`), [
    'passwordauthentication=yes@ssh/sshd_config.d/10-a.conf:1:24',
    'port=2222@ssh/sshd_config:2:6',
    'allowusers=deploy admin@ssh/sshd_config:3:12',
    'passwordauthentication=no@ssh/sshd_config:4:24',
    'passwordauthentication=yes@ssh/sshd_config:6:26 [User backup]',
  ]);
  assert.equal(effective(cfg!, 'PasswordAuthentication')!.file, 'ssh/sshd_config.d/10-a.conf');
  assert.deepEqual(cfg!.includes.map((i) => [i.pattern, i.resolved, i.external]), [['/etc/ssh/sshd_config.d/*.conf', ['ssh/sshd_config.d/10-a.conf'], false]]);
});
