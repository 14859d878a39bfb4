/**
 * Gathering on small roots: nginx's log files from the configuration nginx.conf builds (logrotate
 * must cover them), temporary and upload directories against tmpfiles.d ages and cleanup jobs
 * (S3.13), and the loaded firewall (live, as root) through a fact interface whose commands answer
 * with recorded output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gatherHostFacts, judgeHostFacts } from './index.js';
import { liveWith, tree } from '../../testing/host.js';
import type { HostView } from './view.js';

const NOW = new Date('2026-06-01T00:00:00Z');
type Files = Record<string, string | { link: string }>;

async function judged(files: Files, ids: string[], view?: (root: string) => HostView) {
  const { root, cleanup } = tree(files);
  try {
    const record = await gatherHostFacts({ root, now: NOW, ...(view ? { view: view(root) } : {}) });
    const { report, notChecked } = await judgeHostFacts(record, { now: NOW });
    return { lines: report.findings.filter((f) => ids.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.file}:${f.line ?? '-'}`), notChecked, record, report };
  } finally {
    cleanup();
  }
}

const NGINX = {
  'etc/nginx/nginx.conf': 'events {}\nhttp {\n    access_log /var/log/nginx/access.log;\n    include /etc/nginx/sites-enabled/*;\n}\n',
  'etc/nginx/sites-enabled/app': 'server {\n    listen 80;\n    access_log /var/log/app/nginx-access.log;\n    error_log /var/log/app/nginx-error.log warn;\n    location /health { access_log off; }\n    location /x { access_log syslog:server=10.0.0.1; }\n    access_log /var/log/app/$host.log;\n}\n',
  'etc/logrotate.d/nginx': '/var/log/nginx/*.log {\n\tdaily\n}\n',
};

test('logrotate: nginx logs outside every pattern are reported where nginx names them; nginx defaults count', async () => {
  const { lines, record } = await judged(NGINX, ['host/logrotate-missing']);
  assert.deepEqual(lines, ['host/logrotate-missing etc/nginx/sites-enabled/app:3', 'host/logrotate-missing etc/nginx/sites-enabled/app:4', 'host/logrotate-missing etc/nginx/sites-enabled/app:7']);
  const logs = (record.facts.hostNginxLog as { path: string; default: boolean }[]).map((l) => `${l.path}${l.default ? ' (default)' : ''}`);
  assert.deepEqual(logs, ['/var/log/nginx/access.log', '/var/log/app/nginx-access.log', '/var/log/app/nginx-error.log', '/var/log/app/*.log', '/var/log/nginx/error.log (default)']);
  // Covered by the application's logrotate file: nothing left.
  assert.deepEqual((await judged({ ...NGINX, 'etc/logrotate.d/app': '/var/log/app/*.log {\n\tweekly\n}\n' }, ['host/logrotate-missing'])).lines, []);
  // Without etc/logrotate.d/nginx even nginx's own and default logs are not rotated.
  const bare = await judged({ 'etc/nginx/nginx.conf': 'events {}\nhttp {\n}\n' }, ['host/logrotate-missing']);
  assert.deepEqual(bare.lines, ['host/logrotate-missing etc/nginx/nginx.conf:-', 'host/logrotate-missing etc/nginx/nginx.conf:-']);
});

const APP = {
  'etc/systemd/system/app.service': '[Service]\nUser=app\nEnvironmentFile=/etc/app/env\nExecStart=/srv/app/venv/bin/gunicorn -b 127.0.0.1:8000 app:app\n',
  'etc/app/env': 'UPLOAD_FOLDER=/var/tmp/app/uploads\nAPP_LOG_LEVEL=info\n',
  'usr/lib/tmpfiles.d/tmp.conf': '# Debian: /tmp is emptied at boot only\nD /tmp 1777 root root -\n',
  'usr/lib/systemd/system/systemd-tmpfiles-clean.timer': '[Timer]\nOnBootSec=15min\nOnUnitActiveSec=1d\n',
};

test('temporary files (S3.13): an upload directory is reported where it is named until a tmpfiles.d age or a cleanup job covers it', async () => {
  const ids = ['host/temp-cleanup-missing'];
  const bare = await judged(APP, ids);
  assert.deepEqual(bare.lines, ['host/temp-cleanup-missing etc/app/env:1']);
  const temp = (bare.record.facts.hostApp as { tempDirs?: { path: string; from: string }[] }[])[0]!.tempDirs!;
  assert.deepEqual(temp.map((d) => `${d.from} ${d.path}`), ['UPLOAD_FOLDER /var/tmp/app/uploads']);
  // An age in etc/tmpfiles.d, run by the timer: covered.
  assert.deepEqual((await judged({ ...APP, 'etc/tmpfiles.d/app.conf': 'd /var/tmp/app 0750 app app 1d\n' }, ids)).lines, []);
  // The same name in /etc without an age masks the vendor file that had one.
  assert.deepEqual((await judged({ ...APP, 'usr/lib/tmpfiles.d/app.conf': 'd /var/tmp/app 0750 app app 1d\n', 'etc/tmpfiles.d/app.conf': 'd /var/tmp/app 0750 app app -\n' }, ids)).lines, ['host/temp-cleanup-missing etc/app/env:1']);
  // The timer masked: nothing runs the age.
  assert.deepEqual((await judged({ ...APP, 'etc/tmpfiles.d/app.conf': 'd /var/tmp/app 0750 app app 1d\n', 'etc/systemd/system/systemd-tmpfiles-clean.timer': { link: '/dev/null' } }, ids)).lines, ['host/temp-cleanup-missing etc/app/env:1']);
  // A cron job deleting old files there (find -mtime +N -delete, tmpreaper): covered.
  assert.deepEqual((await judged({ ...APP, 'etc/cron.d/app-tmp': '0 * * * * root find /var/tmp/app/uploads -type f -mtime +1 -delete\n' }, ids)).lines, []);
  assert.deepEqual((await judged({ ...APP, 'etc/cron.d/app-tmp': '0 * * * * root tmpreaper 1d /var/tmp/app\n' }, ids)).lines, []);
});

const SAVED_UFW = {
  'etc/ufw/ufw.conf': 'ENABLED=yes\nLOGLEVEL=low\n',
  'etc/default/ufw': 'DEFAULT_INPUT_POLICY="DROP"\n',
  'etc/ufw/user.rules': '*filter\n### tuple ### allow tcp 22 0.0.0.0/0 any 0.0.0.0/0 in\n-A ufw-user-input -p tcp --dport 22 -j ACCEPT\nCOMMIT\n',
};
const NFT_ACCEPT = 'table inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter; policy accept;\n\t\ttcp dport 22 accept\n\t\ttcp dport { 8000, 5432 } accept\n\t}\n}\n';
const NFT_UFW = 'table ip filter {\n\tchain INPUT {\n\t\ttype filter hook input priority filter; policy drop;\n\t\tjump ufw-user-input\n\t}\n\tchain ufw-user-input {\n\t\ttcp dport 22 accept\n\t}\n}\n';
const IDS = ['host/firewall-not-loaded', 'host/firewall-live-port-open', 'host/firewall-disabled', 'host/firewall-port-open'];

test('live firewall: saved ufw enabled, but the kernel runs an accepting ruleset with extra ports', async () => {
  const { lines, record } = await judged(SAVED_UFW, IDS, liveWith({ 'nft list ruleset': NFT_ACCEPT, 'ufw status verbose': 'Status: inactive\n' }));
  assert.deepEqual(lines.sort(), ['host/firewall-live-port-open host:nft list ruleset:5', 'host/firewall-live-port-open host:nft list ruleset:5', 'host/firewall-not-loaded etc/ufw/ufw.conf:1']);
  assert.deepEqual(record.commands.map((c) => c.command).filter((c) => /nft|iptables|ufw/.test(c)).sort(), ['iptables-save', 'nft list ruleset', 'ufw status verbose']);
});

test('live firewall: the loaded ruleset matches the saved one (nft through ufw chains, iptables-save without nft, ufw status)', async () => {
  assert.deepEqual((await judged(SAVED_UFW, IDS, liveWith({ 'nft list ruleset': NFT_UFW }))).lines, []);
  assert.deepEqual((await judged(SAVED_UFW, IDS, liveWith({ 'iptables-save': '*filter\n:INPUT DROP [0:0]\n-A INPUT -j ufw-user-input\n-A ufw-user-input -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT\n' }))).lines, []);
  assert.deepEqual((await judged(SAVED_UFW, IDS, liveWith({ 'ufw status verbose': 'Status: active\nLogging: on (low)\nDefault: deny (incoming), allow (outgoing), disabled (routed)\n\nTo                         Action      From\n--                         ------      ----\n22/tcp                     ALLOW IN    Anywhere\n22/tcp (v6)                ALLOW IN    Anywhere (v6)\n' }))).lines, []);
});

test('live firewall: not root, or --root, is not checked with the reason (never passed, never a finding)', async () => {
  const notRoot = await judged(SAVED_UFW, IDS, liveWith({ 'nft list ruleset': NFT_ACCEPT }, false));
  assert.deepEqual(notRoot.lines, []);
  const nc = notRoot.notChecked.filter((n) => n.ruleId.startsWith('host/firewall-'));
  assert.deepEqual(nc.map((n) => n.ruleId), ['host/firewall-live-port-open', 'host/firewall-not-loaded']);
  assert.match(nc[0]!.reason, /needs root/);
  const offline = await judged(SAVED_UFW, IDS);
  assert.match(offline.notChecked.find((n) => n.ruleId === 'host/firewall-not-loaded')!.reason, /live system only/);
});

test('nginx logs: relative paths resolve under the prefix of the live `nginx -V`, offline under the package build (Alpine: /var/lib/nginx)', async () => {
  const conf = { 'etc/nginx/nginx.conf': 'error_log logs/err.log;\nevents {}\nhttp {\n    access_log logs/app-access.log;\n}\n', 'etc/logrotate.d/nginx': '/var/log/nginx/*.log {\n\tdaily\n}\n' };
  const logs = (r: Awaited<ReturnType<typeof judged>>) => (r.record.facts.hostNginxLog as { path: string; prefix?: string; prefixFrom?: string }[]).map((l) => `${l.path} ${l.prefix ?? '-'} ${l.prefixFrom ?? '-'}`);
  const ids = ['host/logrotate-missing'];
  const debian = await judged({ ...conf, 'etc/os-release': 'ID=debian\nVERSION_ID="12"\n' }, ids);
  assert.deepEqual(logs(debian), ['/usr/share/nginx/logs/err.log /usr/share/nginx package default', '/usr/share/nginx/logs/app-access.log /usr/share/nginx package default']);
  const alpine = await judged({ ...conf, 'etc/os-release': 'ID=alpine\nVERSION_ID=3.20.0\n' }, ids);
  assert.deepEqual(logs(alpine), ['/var/lib/nginx/logs/err.log /var/lib/nginx package default', '/var/lib/nginx/logs/app-access.log /var/lib/nginx package default']);
  const built = 'nginx version: nginx/1.26.1\nbuilt by gcc 12.2.0\nconfigure arguments: --prefix=/opt/nginx --with-cc-opt=\'-g -O2 -ffile-prefix-map=/build=.\' --http-log-path=/var/log/web/access.log\n';
  const live = await judged({ ...conf, 'etc/os-release': 'ID=debian\nVERSION_ID="12"\n' }, ids, liveWith({ 'nginx -V': built }));
  assert.deepEqual(logs(live), ['/opt/nginx/logs/err.log /opt/nginx nginx -V', '/opt/nginx/logs/app-access.log /opt/nginx nginx -V']);
  assert.deepEqual(live.report.findings.filter((f) => f.ruleId === 'host/logrotate-missing').map((f) => f.message), [
    "No logrotate rule covers /opt/nginx/logs/err.log (error_log; relative to nginx's prefix /opt/nginx, from nginx -V)",
    "No logrotate rule covers /opt/nginx/logs/app-access.log (access_log; relative to nginx's prefix /opt/nginx, from nginx -V)",
  ]);
  // Defaults (no access_log / error_log named) come from the build too: --http-log-path, else <prefix>/logs/error.log.
  const bare = await judged({ 'etc/nginx/nginx.conf': 'events {}\nhttp {\n}\n' }, ids, liveWith({ 'nginx -V': built }));
  assert.deepEqual(logs(bare), ['/var/log/web/access.log - nginx -V', '/opt/nginx/logs/error.log - nginx -V']);
});
