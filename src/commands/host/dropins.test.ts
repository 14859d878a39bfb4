/**
 * systemd drop-ins on a host: `<unit>.d/*.conf` under etc/systemd/system, run/systemd/system and
 * usr/lib/systemd/system merged into the application's unit as systemd does (by file name across
 * directories; /etc masks a same-named /run or /usr/lib one; an empty ExecStart= resets the list),
 * judged by the host/* and systemd/* rules with findings at the drop-in line that sets the value.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gatherHostFacts, judgeHostFacts } from './index.js';
import { tree } from '../../testing/host.js';

const NOW = new Date('2026-06-01T00:00:00Z');

const UNIT = [
  '[Unit]',
  'Description=app',
  '',
  '[Service]',
  'User=app',
  'Restart=on-failure',
  'NoNewPrivileges=yes',
  'ExecStart=/srv/app/venv/bin/gunicorn --reload -b 127.0.0.1:8000 app:app',
  '',
  '[Install]',
  'WantedBy=multi-user.target',
  '',
].join('\n');

const BASE = {
  'etc/os-release': 'ID=debian\nVERSION_ID="12"\n',
  'etc/systemd/system/app.service': UNIT,
  'etc/systemd/system/multi-user.target.wants/app.service': { link: '/etc/systemd/system/app.service' },
};

const WATCHED = new Set(['systemd/root-user', 'systemd/missing-restart', 'systemd/dev-server', 'host/app-bound-publicly', 'host/forking-without-pidfile', 'host/env-file-missing', 'host/app-not-enabled']);

async function findings(files: Record<string, string | { link: string }>) {
  const { root, cleanup } = tree(files);
  try {
    const record = await gatherHostFacts({ root, now: NOW });
    const { report } = await judgeHostFacts(record, { now: NOW });
    return { lines: report.findings.filter((f) => WATCHED.has(f.ruleId)).map((f) => `${f.ruleId} ${f.file}:${f.line ?? '-'}`).sort(), record };
  } finally {
    cleanup();
  }
}

test('host drop-ins: values set in drop-ins are judged at the drop-in line; /etc masks the same name in /run', async () => {
  const { lines, record } = await findings({
    ...BASE,
    // Replaces ExecStart (empty assignment resets the list): no --reload any more, but bound to every address.
    'usr/lib/systemd/system/app.service.d/10-exec.conf': '[Service]\nExecStart=\nExecStart=/srv/app/venv/bin/gunicorn -b 0.0.0.0:8000 app:app\n',
    // Same file name in /etc and /run: only the /etc one applies (User=root).
    'run/systemd/system/app.service.d/20-user.conf': '[Service]\nUser=app\n',
    'etc/systemd/system/app.service.d/20-user.conf': '# set by hand\n[Service]\nUser=root\n',
    'etc/systemd/system/app.service.d/30-restart.conf': '[Service]\nRestart=no\nType=forking\nEnvironmentFile=/etc/app/missing.env\n',
  });
  assert.deepEqual(lines, [
    'host/app-bound-publicly usr/lib/systemd/system/app.service.d/10-exec.conf:3',
    'host/env-file-missing etc/systemd/system/app.service.d/30-restart.conf:4',
    'host/forking-without-pidfile etc/systemd/system/app.service.d/30-restart.conf:3',
    'systemd/missing-restart etc/systemd/system/app.service.d/30-restart.conf:2',
    'systemd/root-user etc/systemd/system/app.service.d/20-user.conf:3',
  ]);
  const app = (record.facts.hostApp as { dropIns?: string[]; user?: string }[])[0]!;
  assert.deepEqual(app.dropIns, ['usr/lib/systemd/system/app.service.d/10-exec.conf', 'etc/systemd/system/app.service.d/20-user.conf', 'etc/systemd/system/app.service.d/30-restart.conf']);
  assert.equal(app.user, 'root');
  assert.ok(record.deployed.files.some((f) => f.path === 'etc/systemd/system/app.service.d/20-user.conf'));
  assert.ok(!record.deployed.files.some((f) => f.path.startsWith('run/')), 'the masked /run drop-in is not judged');
});

test('host drop-ins: without drop-ins the unit file is judged; a /dev/null link masks a vendor drop-in', async () => {
  const plain = await findings(BASE);
  assert.deepEqual(plain.lines, ['systemd/dev-server etc/systemd/system/app.service:8']);
  const masked = await findings({
    ...BASE,
    'usr/lib/systemd/system/app.service.d/10-exec.conf': '[Service]\nExecStart=\nExecStart=/srv/app/venv/bin/gunicorn -b 0.0.0.0:8000 app:app\n',
    'etc/systemd/system/app.service.d/10-exec.conf': { link: '/dev/null' },
  });
  assert.deepEqual(masked.lines, ['systemd/dev-server etc/systemd/system/app.service:8']);
  // A drop-in that fixes the unit (a later name wins) leaves nothing.
  const fixed = await findings({ ...BASE, 'etc/systemd/system/app.service.d/override.conf': '[Service]\nExecStart=\nExecStart=/srv/app/venv/bin/gunicorn -b 127.0.0.1:8000 app:app\n' });
  assert.deepEqual(fixed.lines, []);
});

test('host drop-ins: type-wide service.d/ and dash-prefix app-.service.d/ apply as systemd applies them', async () => {
  // A type-wide drop-in in /usr/lib sets Restart=no for every service: reported at its line.
  const typeWide = await findings({ ...BASE, 'usr/lib/systemd/system/service.d/10-defaults.conf': '[Service]\nRestart=no\n' });
  assert.deepEqual(typeWide.lines, ['systemd/dev-server etc/systemd/system/app.service:8', 'systemd/missing-restart usr/lib/systemd/system/service.d/10-defaults.conf:2']);
  assert.deepEqual((typeWide.record.facts.hostApp as { dropIns?: string[] }[])[0]!.dropIns, ['usr/lib/systemd/system/service.d/10-defaults.conf']);
  // Same file name: the unit's own drop-in (even in /usr/lib) wins over a type-wide one (even in /etc).
  const specificWins = await findings({
    ...BASE,
    'etc/systemd/system/service.d/20-user.conf': '[Service]\nUser=root\n',
    'usr/lib/systemd/system/app.service.d/20-user.conf': '[Service]\nUser=app\n',
  });
  assert.deepEqual(specificWins.lines, ['systemd/dev-server etc/systemd/system/app.service:8']);
  // A unit named app-web.service reads app-.service.d/ too; a unit without that prefix does not.
  const web = { 'etc/systemd/system/app-web.service': UNIT.replace(' --reload', ''), 'etc/systemd/system/multi-user.target.wants/app-web.service': { link: '/etc/systemd/system/app-web.service' } };
  const prefixed = await findings({ 'etc/os-release': BASE['etc/os-release'], ...web, 'etc/systemd/system/app-.service.d/override.conf': '[Service]\nUser=root\n', 'etc/systemd/system/web-.service.d/override.conf': '[Service]\nRestart=no\n' });
  assert.deepEqual(prefixed.lines, ['systemd/root-user etc/systemd/system/app-.service.d/override.conf:2']);
  assert.deepEqual((prefixed.record.facts.hostApp as { dropIns?: string[] }[])[0]!.dropIns, ['etc/systemd/system/app-.service.d/override.conf']);
  // The unit's own drop-in of the same name masks the prefix one.
  const own = await findings({ 'etc/os-release': BASE['etc/os-release'], ...web, 'etc/systemd/system/app-.service.d/override.conf': '[Service]\nUser=root\n', 'etc/systemd/system/app-web.service.d/override.conf': '[Service]\nUser=app\n' });
  assert.deepEqual(own.lines, []);
});
