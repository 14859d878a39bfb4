/**
 * Every check offline, on the two fixture roots: a neglected VM (Ubuntu 20.04 as the seed's
 * checklist warns about it) and its hardened twin. Exact findings with lines; the live-only checks
 * listed as not checked; --record / --facts giving the same findings; no secret in the record.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gatherHostFacts, judgeHostFacts, loadHostFacts } from './index.js';
import { saveRecord } from './record.js';
import { IS_ROOT, materialize } from '../../testing/host.js';
import { render } from '../../report/index.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const CONFIG = { host: { timezone: 'Asia/Tokyo' } };
const LIVE_ONLY = ['host/domain-not-local', 'host/expected-port-closed', 'host/firewall-live-port-open', 'host/firewall-not-loaded', 'host/listener-exposed', 'host/low-disk', 'host/nginx-config-test-failed', 'host/unexpected-listener'];

async function run(name: string) {
  const { root, cleanup } = materialize(name, NOW);
  try {
    const record = await gatherHostFacts({ root, now: NOW, config: CONFIG });
    const result = await judgeHostFacts(record, { config: CONFIG, now: NOW });
    return { ...result, record };
  } finally {
    cleanup();
  }
}

const lines = (findings: { ruleId: string; file: string; line?: number }[]) => findings.map((f) => `${f.ruleId} ${f.file}:${f.line ?? '-'}`);

// Findings that depend on the owners in the manifest (chown needs root).
const OWNER_DEPENDENT = new Set(['host/env-file-permissions opt/mirai/backend/.env.production:-', 'host/app-dir-not-writable opt/mirai/backend/.env.production:6', 'host/app-dir-not-writable opt/mirai/backend/.env.production:7']);

test('the neglected VM: every offline check finds its problem, at the file a person would change', async () => {
  const { report, notChecked, record } = await run('neglected');
  const expected = [
    'host/certificate-expiry-unmonitored etc/cron.d:-',
    'host/disk-alert-unscheduled etc/cron.d:-',
    'host/health-check-unscheduled etc/cron.d:-',
    'host/certificate-expiring etc/letsencrypt/live/api.example.com/fullchain.pem:-',
    'host/certificate-renewal-unscheduled etc/letsencrypt/live/api.example.com/fullchain.pem:-',
    'nginx/version-disclosed etc/nginx/nginx.conf:6',
    'nginx/client-body-size-unset etc/nginx/nginx.conf:6',
    'nginx/default-site-enabled etc/nginx/sites-enabled/default:2',
    'nginx/missing-security-headers etc/nginx/sites-enabled/default:2',
    'nginx/http-not-redirected etc/nginx/sites-enabled/default:3',
    'nginx/missing-hsts etc/nginx/sites-enabled/mirai:1',
    'nginx/missing-security-headers etc/nginx/sites-enabled/mirai:1',
    'nginx/weak-tls-protocol etc/nginx/sites-enabled/mirai:6',
    'nginx/missing-forwarded-proto etc/nginx/sites-enabled/mirai:8',
    'nginx/weak-tls-protocol etc/nginx/sites-enabled/mirai:11',
    'host/certificate-missing etc/nginx/sites-enabled/mirai:14',
    'host/os-end-of-life etc/os-release:6',
    'sshd/root-login etc/ssh/sshd_config:5',
    'sshd/pubkey-authentication-disabled etc/ssh/sshd_config:6',
    'sshd/password-authentication etc/ssh/sshd_config.d/50-cloud-init.conf:1',
    'host/time-sync-missing etc/systemd/system:-',
    'host/app-not-enabled etc/systemd/system/mirai-knowledge-system.service:5',
    'systemd/missing-hardening etc/systemd/system/mirai-knowledge-system.service:5',
    'systemd/missing-restart etc/systemd/system/mirai-knowledge-system.service:5',
    'host/forking-without-pidfile etc/systemd/system/mirai-knowledge-system.service:6',
    'host/env-file-missing etc/systemd/system/mirai-knowledge-system.service:10',
    'host/app-dir-not-writable etc/systemd/system/mirai-knowledge-system.service:11',
    'host/timezone-mismatch etc/timezone:1',
    'host/firewall-disabled etc/ufw/ufw.conf:2',
    'env/world-readable-file opt/mirai/backend/.env.production:-',
    'host/env-file-permissions opt/mirai/backend/.env.production:-',
    'env/weak-secret opt/mirai/backend/.env.production:1',
    'env/weak-secret opt/mirai/backend/.env.production:2',
    'env/debug-enabled opt/mirai/backend/.env.production:3',
    'host/gunicorn-workers-mismatch opt/mirai/backend/.env.production:4',
    'host/app-bound-publicly opt/mirai/backend/.env.production:5',
    'host/app-dir-not-writable opt/mirai/backend/.env.production:6',
    'host/logrotate-missing opt/mirai/backend/.env.production:6',
    'host/app-dir-not-writable opt/mirai/backend/.env.production:7',
    'host/backup-retention-missing opt/mirai/backend/backup.sh:-',
    'host/low-cpu proc/cpuinfo:-',
    'host/low-memory proc/meminfo:1',
    'host/backup-stale var/backups/mirai:-',
    'host/security-updates-pending var/lib/apt/lists:-',
    'host/software-below-floor var/lib/dpkg/status:5',
    'host/certbot-missing var/lib/dpkg/status:9',
    'host/software-below-floor var/lib/dpkg/status:9',
  ];
  const got = lines(report.findings);
  if (IS_ROOT) assert.deepEqual(got, expected);
  else {
    console.log('# not root: owners from the fixture manifest cannot be set; owner-dependent findings are not asserted');
    assert.deepEqual(got.filter((l) => !OWNER_DEPENDENT.has(l)), expected.filter((l) => !OWNER_DEPENDENT.has(l)));
  }
  // The firewall's rules were read even though it is disabled (a port-open finding needs it enabled).
  const fw = record.facts.hostFirewall as { enabled: boolean; allows: { port: number }[] }[];
  assert.deepEqual(fw[0]!.allows.map((a) => a.port), [22, 8000, 5432]);
  // Live-only checks are listed as not checked, with the reason; never passed, never findings.
  assert.deepEqual(notChecked.map((n) => n.ruleId), LIVE_ONLY);
  assert.ok(notChecked.every((n) => n.reason.length > 10));
  for (const id of LIVE_ONLY) assert.ok(!report.findings.some((f) => f.ruleId === id));
  assert.deepEqual(report.errors, []);
  assert.equal(report.exitCode, 1);
  // The absolute symlink sites-enabled/default → /etc/nginx/sites-available/default resolved inside the root.
  assert.ok(record.deployed.files.some((f) => f.path === 'etc/nginx/sites-enabled/default'));
});

test('the hardened VM: no finding, and the checks really looked (certificate, backups, schedules, firewall)', async () => {
  const { report, notChecked, record } = await run('hardened');
  assert.deepEqual(lines(report.findings), []);
  assert.deepEqual(notChecked.map((n) => n.ruleId), LIVE_ONLY);
  const f = record.facts as Record<string, Record<string, unknown>[]>;
  assert.equal(f.hostCertificate![0]!.notAfter, '2026-08-20T00:00:00.000Z');
  assert.equal((f.hostBackup![0]!.newest as { name: string }).name, 'data_20260531_210001.tar.gz');
  const purposes = new Set(f.hostSchedule!.filter((s) => s.enabled).flatMap((s) => s.purposes as string[]));
  assert.deepEqual([...purposes].sort(), ['backup', 'cert-expiry', 'cert-renew', 'disk', 'health', 'retention']);
  assert.equal(f.hostFirewall![0]!.enabled, true);
  assert.equal((f.hostApp![0] as { enabledBy: string[] }).enabledBy[0], 'etc/systemd/system/multi-user.target.wants/mirai.service');
  assert.deepEqual(record.deployed.files.map((x) => x.path), ['etc/mirai/env', 'etc/nginx/nginx.conf', 'etc/nginx/sites-enabled/mirai', 'etc/ssh/sshd_config', 'etc/systemd/system/mirai.service']);
  assert.equal(report.exitCode, 0);
});

test('--record then --facts gives the same findings; the record holds no secret value', async () => {
  const { record, report } = await run('neglected');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'honban-record-'));
  try {
    const file = path.join(dir, 'facts.json');
    await saveRecord(file, record);
    const text = readFileSync(file, 'utf8');
    for (const secret of ['mirai-changeme-key', 'jwt-dev-secret-mirai']) assert.ok(!text.includes(secret), `the record leaks ${secret}`);
    const again = await judgeHostFacts(await loadHostFacts(file), { config: CONFIG, now: NOW });
    assert.deepEqual(lines(again.report.findings), lines(report.findings));
    assert.deepEqual(again.notChecked.map((n) => n.ruleId), LIVE_ONLY);
    for (const format of ['pretty', 'json', 'sarif', 'junit', 'markdown'] as const) {
      const out = render(again.report, format, { color: false });
      for (const secret of ['mirai-changeme-key', 'jwt-dev-secret-mirai']) assert.ok(!out.includes(secret), `${format} leaks ${secret}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hardened secrets never reach the record or any report format', async () => {
  const { record, report } = await run('hardened');
  const secret = '0d6f2c9e41b87a35c0e9d4f7a2b6183e5c7d9f0a1b2c3d4e5f60718293a4b5c6';
  assert.ok(!JSON.stringify(record).includes(secret));
  for (const format of ['pretty', 'json', 'sarif', 'junit', 'markdown'] as const) assert.ok(!render(report, format, { color: false }).includes(secret));
});

test('--lang ja: messages and the not-checked list in Japanese', async () => {
  const { root, cleanup } = materialize('neglected', NOW);
  try {
    const record = await gatherHostFacts({ root, now: NOW, config: CONFIG });
    const { report } = await judgeHostFacts(record, { config: CONFIG, now: NOW, lang: 'ja' });
    const eol = report.findings.find((f) => f.ruleId === 'host/os-end-of-life')!;
    assert.match(eol.message, /サポートが終了しました/);
    const out = render(report, 'pretty', { color: false });
    assert.match(out, /未確認/);
    // JUnit: the not-checked rules are skipped test cases.
    const junit = render(report, 'junit', { color: false });
    assert.match(junit, /skipped="8"/);
    assert.match(junit, /host\/unexpected-listener[^>]*>\s*<skipped message="/);
  } finally {
    cleanup();
  }
});
