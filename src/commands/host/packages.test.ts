/**
 * Package databases beyond dpkg: Alpine's apk (installed database + cached APKINDEX), RPM systems
 * (rpm -qa and dnf's cached security advisories, live only; not checked offline with the reason),
 * and apt lists compressed with xz. Hand-made roots and data files of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gatherHostFacts, judgeHostFacts } from './index.js';
import { FIXTURES, liveWith, tree } from '../../testing/host.js';
import { tarMembers } from './gather-system.js';
import { xzDecompress } from './xz.js';
import { compareApk } from '../../rules/host/_versions.js';
import type { HostView } from './view.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const IDS = ['host/security-updates-pending', 'host/software-below-floor'];

async function judged(files: Record<string, string | Buffer | { link: string }>, view?: (root: string) => HostView) {
  const { root, cleanup } = tree(files);
  try {
    const record = await gatherHostFacts({ root, now: NOW, ...(view ? { view: view(root) } : {}) });
    const { report, notChecked } = await judgeHostFacts(record, { now: NOW });
    return { lines: report.findings.filter((f) => IDS.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.file}:${f.line ?? '-'}`), findings: report.findings, notChecked, record };
  } finally {
    cleanup();
  }
}

test('xz: apt lists decompress; garbage, an empty stream and a bomb past the cap are errors', async () => {
  const plain = readFileSync(path.join(FIXTURES, 'data/Packages.txt'));
  const packed = readFileSync(path.join(FIXTURES, 'data/Packages.xz'));
  assert.equal(Buffer.compare(await xzDecompress(packed), plain), 0);
  await assert.rejects(xzDecompress(Buffer.from('not xz at all')), /not an xz stream/);
  await assert.rejects(xzDecompress(Buffer.concat([packed.subarray(0, 6), Buffer.alloc(40)])), /empty or corrupt|xz/i);
  await assert.rejects(xzDecompress(packed, 1000), /more than 1000 bytes/);
});

test('apk version order and APKINDEX archives', () => {
  assert.ok(compareApk('1.24.0-r16', '1.24.0-r15') > 0);
  assert.ok(compareApk('3.1.5-r0', '3.1.4-r5') > 0);
  assert.ok(compareApk('1.2.3_rc1-r0', '1.2.3-r0') < 0);
  assert.ok(compareApk('1.2.3_p1-r0', '1.2.3-r9') > 0);
  assert.ok(compareApk('1.2.3a-r0', '1.2.3-r0') > 0);
  assert.ok(compareApk('1.10.0-r0', '1.9.9-r0') > 0);
  assert.equal(compareApk('2.0-r1', '2.0-r1'), 0);
  const members = tarMembers(require_gunzip(readFileSync(path.join(FIXTURES, 'data/APKINDEX.tar.gz'))));
  assert.deepEqual(members.map((m) => m.name), ['.SIGN.RSA.alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub', 'APKINDEX']);
  assert.throws(() => tarMembers(Buffer.concat([members[0]!.content, Buffer.alloc(512, 0x31)])), /truncated/);
});

import { gunzipSync } from 'node:zlib';
function require_gunzip(b: Buffer): Buffer {
  return gunzipSync(b);
}

const ALPINE = {
  'etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\n',
  'lib/apk/db/installed': 'C:Q1x=\nP:nginx\nV:1.24.0-r15\nA:x86_64\n\nC:Q1y=\nP:openssl\nV:3.1.4-r5\n\nP:python3\nV:3.11.8-r0\n\nP:busybox\nV:1.36.1-r15\n\n',
};

test('apk: installed packages older than the cached APKINDEX are pending updates; an up-to-date host has none', async () => {
  const index = readFileSync(path.join(FIXTURES, 'data/APKINDEX.tar.gz'));
  const { lines, record, findings } = await judged({ ...ALPINE, 'var/cache/apk/APKINDEX.6165ee59.tar.gz': index });
  assert.deepEqual(lines, ['host/security-updates-pending var/cache/apk:-']);
  const u = (record.facts.hostUpdates as { source: string; security: { name: string; candidate: string }[] }[])[0]!;
  assert.equal(u.source, 'apk-index');
  assert.deepEqual(u.security.map((s) => `${s.name} ${s.candidate}`), ['nginx 1.24.0-r16', 'openssl 3.1.5-r0']);
  assert.match(findings.find((f) => f.ruleId === 'host/security-updates-pending')!.message, /Alpine index/);
  // Up to date: no finding. Without `apk update`: not checked with the reason.
  const current = ALPINE['lib/apk/db/installed'].replace('1.24.0-r15', '1.24.0-r16').replace('3.1.4-r5', '3.1.5-r0');
  assert.deepEqual((await judged({ ...ALPINE, 'lib/apk/db/installed': current, 'var/cache/apk/APKINDEX.6165ee59.tar.gz': index })).lines, []);
  const noIndex = await judged(ALPINE);
  assert.match(noIndex.notChecked.find((n) => n.ruleId === 'host/security-updates-pending')!.reason, /apk update never ran/);
  // A floor is judged from the apk database too.
  assert.deepEqual((await judged({ ...ALPINE, 'lib/apk/db/installed': ALPINE['lib/apk/db/installed'].replace('1.24.0-r15', '1.14.2-r0'), 'var/cache/apk/APKINDEX.6165ee59.tar.gz': index })).lines, ['host/software-below-floor lib/apk/db/installed:2', 'host/security-updates-pending var/cache/apk:-']);
});

test('apt: an xz-compressed security list is read', async () => {
  const files = {
    'etc/os-release': 'ID=debian\nVERSION_ID="12"\n',
    'var/lib/dpkg/status': 'Package: pkg1\nStatus: install ok installed\nVersion: 1.0-0\n\nPackage: pkg3\nStatus: install ok installed\nVersion: 1.3-3\n\n',
    'var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages.xz': readFileSync(path.join(FIXTURES, 'data/Packages.xz')),
  };
  const { lines, record } = await judged(files);
  assert.deepEqual(lines, ['host/security-updates-pending var/lib/apt/lists:-']);
  assert.deepEqual((record.facts.hostUpdates as { security: { name: string }[] }[])[0]!.security.map((s) => s.name), ['pkg1']);
});

const RPM_QA = 'rpm -qa --qf %{NAME} %{VERSION}-%{RELEASE}\\n';
const DNF = 'dnf -C -q updateinfo list --security';

test('rpm: live, rpm -qa gives the floors and dnf -C the security advisories; offline it is not checked', async () => {
  const files = { 'etc/os-release': 'ID="rocky"\nVERSION_ID="9.3"\n', 'var/lib/rpm/rpmdb.sqlite': 'binary database' };
  const qa = 'nginx 1.20.1-14.el9_2.1\npython3 3.9.18-1.el9_3\nopenssl 3.0.7-24.el9\n';
  const live = await judged(files, liveWith({ [RPM_QA]: qa, [DNF]: 'RLSA-2024:1234 Important/Sec. openssl-1:3.0.7-25.el9_3.x86_64\nRLSA-2024:1300 Moderate/Sec.  openssl-libs-1:3.0.7-25.el9_3.x86_64\n' }));
  assert.deepEqual(live.lines, ['host/security-updates-pending host:dnf -C -q updateinfo list --security:-']);
  const u = (live.record.facts.hostUpdates as { security: { name: string; installed: string; candidate: string }[] }[])[0]!;
  assert.deepEqual(u.security.map((s) => `${s.name} ${s.installed} → ${s.candidate}`), ['openssl 3.0.7-24.el9 → 3.0.7-25.el9_3', 'openssl-libs ? → 3.0.7-25.el9_3']);
  // No cached metadata: not checked, with dnf's reason.
  const nocache = await judged(files, liveWith({ [RPM_QA]: qa }));
  assert.match(nocache.notChecked.find((n) => n.ruleId === 'host/security-updates-pending')!.reason, /did not answer from the cache/);
  // Offline: the rpm database needs the rpm binary.
  const offline = await judged(files);
  assert.match(offline.notChecked.find((n) => n.ruleId === 'host/software-below-floor')!.reason, /live system only/);
});
