/**
 * Drop-ins (`<unit>.d/*.conf`) merged into their unit as systemd does, in a repository: later
 * assignments win, an empty assignment resets a list (ExecStart=), and a finding points at the
 * drop-in line that sets the value. A drop-in is never judged as a unit of its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import { classifyKind } from '../../engine/discover.js';
import { dropInNames, dropInPath, dropInRank, orderDropIns } from '../../collect/systemd.js';
import rootUser from './root-user.js';
import missingRestart from './missing-restart.js';
import devServer from './dev-server.js';

const UNIT = text('[Unit]', 'Description=app', '', '[Service]', 'User=app', 'Restart=on-failure', 'ExecStart=/srv/app/venv/bin/gunicorn app:app');

test('systemd drop-ins: a drop-in that sets User=root or Restart=no is reported at its own line', async () => {
  const files = {
    'deploy/app.service': UNIT,
    'deploy/app.service.d/override.conf': text('# local changes', '[Service]', 'User=root'),
    'deploy/app.service.d/50-restart.conf': text('[Service]', 'Restart=no'),
  };
  await expectLines(rootUser, files, ['deploy/app.service.d/override.conf:3']);
  await expectLines(missingRestart, files, ['deploy/app.service.d/50-restart.conf:2']);
});

test('systemd drop-ins: later file names win; a drop-in fixing the unit silences it; a drop-in alone is no unit', async () => {
  await expectLines(
    rootUser,
    {
      'deploy/app.service': text('[Service]', 'ExecStart=/usr/bin/app'),
      // 10- sets root, 20- (applied later) sets the service user: the effective user is app.
      'deploy/app.service.d/10-root.conf': text('[Service]', 'User=root'),
      'deploy/app.service.d/20-user.conf': text('[Service]', 'User=app'),
      // A drop-in for a unit that is not in the tree is not a unit itself (no [Service] User= finding).
      'deploy/other.service.d/override.conf': text('[Service]', 'Environment=A=1'),
    },
    [],
  );
  await expectLines(missingRestart, { 'deploy/app.service': text('[Service]', 'User=app', 'ExecStart=/usr/bin/app'), 'deploy/app.service.d/restart.conf': text('[Service]', 'Restart=always') }, []);
});

test('systemd drop-ins: an empty ExecStart= resets the list; the drop-in command is judged at its line', async () => {
  const unit = text('[Service]', 'User=app', 'Restart=on-failure', 'ExecStart=/srv/app/venv/bin/gunicorn --reload app:app');
  // The reload in the unit file is replaced: nothing to report.
  await expectLines(devServer, { 'deploy/app.service': unit, 'deploy/app.service.d/exec.conf': text('[Service]', 'ExecStart=', 'ExecStart=/srv/app/venv/bin/gunicorn -w 3 app:app') }, []);
  // A drop-in that starts the development server is reported there.
  await expectLines(
    devServer,
    { 'deploy/app.service': text('[Service]', 'User=app', 'ExecStart=/srv/app/venv/bin/gunicorn app:app'), 'deploy/app.service.d/exec.conf': text('[Service]', 'ExecStart=', 'ExecStart=/srv/app/venv/bin/flask run --host 0.0.0.0') },
    ['deploy/app.service.d/exec.conf:3'],
  );
});

test('systemd drop-ins: classification, paths and the order systemd applies them', () => {
  assert.equal(classifyKind('deploy/app.service.d/override.conf'), 'systemd');
  assert.equal(classifyKind('etc/nginx/conf.d/app.conf'), 'nginx');
  assert.deepEqual(dropInPath('etc/systemd/system/app.service.d/10-x.conf'), { dir: 'etc/systemd/system', unit: 'app.service', name: '10-x.conf' });
  assert.equal(dropInPath('etc/ssh/sshd_config.d/x.conf'), undefined);
  // Same name: the /etc one (rank 3) masks the /usr/lib one (rank 6); then by file name across directories.
  const order = orderDropIns([
    { path: 'usr/lib/systemd/system/app.service.d/20-b.conf', rank: 6 },
    { path: 'etc/systemd/system/app.service.d/20-b.conf', rank: 3 },
    { path: 'run/systemd/system/app.service.d/10-a.conf', rank: 4 },
    { path: 'usr/lib/systemd/system/app.service.d/30-c.conf', rank: 6 },
  ]).map((d) => d.path);
  assert.deepEqual(order, ['run/systemd/system/app.service.d/10-a.conf', 'etc/systemd/system/app.service.d/20-b.conf', 'usr/lib/systemd/system/app.service.d/30-c.conf']);
});

test('systemd drop-ins: template, dash-prefix and type-wide directories, in systemd\'s search order', async () => {
  assert.deepEqual(dropInNames('app.service'), ['app.service']);
  assert.deepEqual(dropInNames('app-web-api.service'), ['app-web-api.service', 'app-web-.service', 'app-.service']);
  // An instance: its template, then the prefixes keep the instance (src/shared/dropin.c unit_file_find_dirs).
  assert.deepEqual(dropInNames('app-web@1.service'), ['app-web@1.service', 'app-web@.service', 'app-.service', 'app-@1.service', 'app-@.service']);
  assert.deepEqual(dropInNames('-leading.service'), ['-leading.service']);
  assert.deepEqual(dropInPath('etc/systemd/system/service.d/10-x.conf'), { dir: 'etc/systemd/system', unit: 'service', name: '10-x.conf' });
  assert.deepEqual(dropInPath('etc/systemd/system/app-.service.d/10-x.conf'), { dir: 'etc/systemd/system', unit: 'app-.service', name: '10-x.conf' });
  assert.equal(classifyKind('etc/systemd/system/service.d/10-x.conf'), 'systemd');
  assert.equal(classifyKind('deploy/app-.service.d/10-x.conf'), 'systemd');
  assert.notEqual(classifyKind('conf/service.d/10-x.conf'), 'systemd');
  // Precedence: unit directory first, then own < prefix; every specific one before any type-wide one.
  assert.ok(dropInRank('app-web.service', 'app-web.service', 6)! < dropInRank('app-web.service', 'app-.service', 6)!);
  assert.ok(dropInRank('app-web.service', 'app-.service', 3)! < dropInRank('app-web.service', 'app-web.service', 6)!);
  assert.ok(dropInRank('app-web.service', 'app-web.service', 7)! < dropInRank('app-web.service', 'service', 0)!);
  assert.equal(dropInRank('app-web.service', 'web-.service', 3), undefined);
  assert.equal(dropInRank('app-web.service', 'socket', 3), undefined);
  // In a repository: a prefix drop-in next to the unit applies; a type-wide one under a systemd directory too.
  await expectLines(rootUser, { 'deploy/app-web.service': UNIT, 'deploy/app-.service.d/10-root.conf': text('[Service]', 'User=root') }, ['deploy/app-.service.d/10-root.conf:2']);
  await expectLines(missingRestart, { 'deploy/systemd/app.service': UNIT, 'deploy/systemd/service.d/10-defaults.conf': text('[Service]', 'Restart=no') }, ['deploy/systemd/service.d/10-defaults.conf:2']);
});
