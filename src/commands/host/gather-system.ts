/**
 * Gatherers for the machine itself: OS release, CPU, memory, disk, packages and pending security
 * updates, time zone and time sync, firewall. Each reads through the fact interface and either
 * adds facts or says why the fact is unavailable.
 */
import { statfs } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Localized } from '../../contracts/types.js';
import { compareApk, compareDebian } from '../../rules/host/_versions.js';
import type { HostCpu, HostDisk, HostFirewall, HostFirewallRule, HostMemory, HostOs, HostPackage, HostPackages, HostTime, HostUpdate, HostUpdates } from '../../facts/host.js';
import { lz4Decompress } from './lz4.js';
import { xzDecompress } from './xz.js';
import type { Gathering } from './gathering.js';

const lines = (text: string) => text.split(/\r?\n/);

/** `KEY=value` / `KEY="value"` files (os-release, ufw.conf, /etc/default/*): values only, no shell. */
export function keyValues(text: string): Map<string, { value: string; line: number }> {
  const out = new Map<string, { value: string; line: number }>();
  lines(text).forEach((raw, i) => {
    const t = raw.trim();
    if (!t || t.startsWith('#')) return;
    const eq = t.indexOf('=');
    if (eq <= 0) return;
    let v = t.slice(eq + 1).trim();
    if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) v = v.slice(1, -1);
    out.set(t.slice(0, eq).trim(), { value: v, line: i + 1 });
  });
  return out;
}

export function gatherOs(g: Gathering): void {
  for (const p of ['etc/os-release', 'usr/lib/os-release']) {
    const r = g.read(p);
    if (r.text === undefined) continue;
    const kv = keyValues(r.text);
    const id = kv.get('ID')?.value.toLowerCase();
    if (!id) continue;
    const fact: HostOs = {
      file: p,
      environment: g.environment,
      line: kv.get('VERSION_ID')?.line ?? kv.get('ID')!.line,
      id,
      idLike: (kv.get('ID_LIKE')?.value ?? '').split(/\s+/).filter(Boolean),
      ...(kv.get('VERSION_ID') ? { versionId: kv.get('VERSION_ID')!.value } : {}),
      ...(kv.get('VERSION_CODENAME') ? { codename: kv.get('VERSION_CODENAME')!.value } : {}),
      ...(kv.get('PRETTY_NAME') ? { prettyName: kv.get('PRETTY_NAME')!.value } : {}),
    };
    g.add('hostOs', fact);
    return;
  }
  g.unavailable('hostOs', { en: 'etc/os-release was not found', ja: 'etc/os-release が見つかりません' });
}

export async function gatherResources(g: Gathering): Promise<void> {
  // CPU: processor lines of /proc/cpuinfo (what the kernel gives this machine or container).
  const cpu = g.read('proc/cpuinfo');
  if (cpu.text !== undefined) {
    let count = 0;
    for (const l of lines(cpu.text)) if (/^processor\s*:/.test(l)) count++;
    if (count > 0) g.add('hostCpu', { file: 'proc/cpuinfo', environment: g.environment, count } satisfies HostCpu);
  }
  if (!g.has('hostCpu')) g.unavailable('hostCpu', { en: 'proc/cpuinfo was not found (a mounted image has no /proc)', ja: 'proc/cpuinfo が見つかりません（マウントしたイメージには /proc がありません）' });

  const mem = g.read('proc/meminfo');
  if (mem.text !== undefined) {
    lines(mem.text).forEach((l, i) => {
      const m = /^MemTotal:\s+(\d+)\s*kB/.exec(l);
      if (m) g.add('hostMemory', { file: 'proc/meminfo', environment: g.environment, line: i + 1, totalBytes: Number(m[1]) * 1024 } satisfies HostMemory);
    });
  }
  if (!g.has('hostMemory')) g.unavailable('hostMemory', { en: 'proc/meminfo was not found (a mounted image has no /proc)', ja: 'proc/meminfo が見つかりません（マウントしたイメージには /proc がありません）' });

  // Free disk: only the live file system means anything (a fixture's disk is not the server's).
  if (g.view.live) {
    const dirs = ['/', ...g.appDirsForDisk()];
    const seen = new Set<string>();
    for (const d of dirs) {
      try {
        const s = await statfs(d);
        const key = `${s.blocks}:${s.bfree}:${s.bsize}`;
        if (seen.has(key)) continue;
        seen.add(key);
        g.add('hostDisk', { file: `host:df ${d}`, environment: g.environment, path: d, freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize } satisfies HostDisk);
      } catch {
        /* a missing directory is reported elsewhere */
      }
    }
  } else {
    g.unavailable('hostDisk', { en: 'free disk space is measured on the live system only', ja: '空きディスク容量はライブのシステムでのみ測定します' });
  }
}

/** Packages whose presence or version a rule looks at. */
export const INTERESTING_PACKAGES = new Set([
  'python3', 'python3-minimal', 'python', 'nginx', 'nginx-core', 'nginx-full', 'nginx-light', 'nginx-extras', 'nginx-common', 'certbot',
  'python3-certbot-nginx', 'openssh-server', 'ufw', 'nftables', 'iptables', 'iptables-persistent', 'logrotate', 'cron', 'cronie',
  'chrony', 'ntp', 'ntpsec', 'systemd-timesyncd', 'openntpd', 'postgresql', 'unattended-upgrades',
]);

export async function gatherPackages(g: Gathering): Promise<void> {
  const installed = new Map<string, HostPackage>();
  let manager: HostPackages['manager'] | undefined;
  let file = '';
  const dpkg = g.read('var/lib/dpkg/status', 64 * 1024 * 1024);
  if (dpkg.text !== undefined) {
    manager = 'dpkg';
    file = 'var/lib/dpkg/status';
    let name: string | undefined;
    let version: string | undefined;
    let ok = false;
    let start = 1;
    const flush = () => {
      if (name && version && ok) installed.set(name, { name, version, line: start });
      name = version = undefined;
      ok = false;
    };
    lines(dpkg.text).forEach((l, i) => {
      if (l === '') return flush();
      if (l.startsWith('Package: ')) {
        name = l.slice(9).trim();
        start = i + 1;
      } else if (l.startsWith('Version: ')) version = l.slice(9).trim();
      else if (l.startsWith('Status: ')) ok = / installed$/.test(l.trim());
    });
    flush();
  } else {
    const apk = g.read('lib/apk/db/installed', 64 * 1024 * 1024);
    if (apk.text !== undefined) {
      manager = 'apk';
      file = 'lib/apk/db/installed';
      let name: string | undefined;
      let start = 1;
      lines(apk.text).forEach((l, i) => {
        if (l.startsWith('P:')) {
          name = l.slice(2).trim();
          start = i + 1;
        } else if (l.startsWith('V:') && name) installed.set(name, { name, version: l.slice(2).trim(), line: start });
      });
    } else if (g.view.live && (g.view.stat('var/lib/rpm') || g.view.stat('usr/lib/sysimage/rpm'))) {
      const r = await g.run('rpm', ['-qa', '--qf', '%{NAME} %{VERSION}-%{RELEASE}\\n']);
      if (r.ran && r.exitCode === 0) {
        manager = 'rpm';
        file = 'host:rpm -qa';
        lines(r.stdout).forEach((l, i) => {
          const [n, v] = l.trim().split(/\s+/);
          if (n && v) installed.set(n, { name: n, version: v, line: i + 1 });
        });
      }
    }
  }
  if (!manager && (g.view.stat('var/lib/rpm') || g.view.stat('usr/lib/sysimage/rpm'))) {
    const why = g.view.live
      ? { en: 'the rpm database could not be read (rpm -qa did not run or failed)', ja: 'rpm データベースを読めませんでした（rpm -qa が実行できないか失敗しました）' }
      : { en: 'the rpm database is read with the rpm binary on the live system only (not with --root)', ja: 'rpm データベースはライブのシステムで rpm コマンドを使ってのみ読みます（--root では読みません）' };
    g.unavailable('hostPackages', why);
    g.unavailable('hostUpdates', why);
    return;
  }
  if (!manager) {
    g.unavailable('hostPackages', { en: 'no package database was found (var/lib/dpkg/status, lib/apk/db/installed; rpm needs the live system)', ja: 'パッケージデータベースが見つかりません（var/lib/dpkg/status、lib/apk/db/installed。rpm はライブのシステムが必要です）' });
    g.unavailable('hostUpdates', { en: 'no package database was found', ja: 'パッケージデータベースが見つかりません' });
    return;
  }
  // python3.X packages count as python3 when python3 itself is absent (minimal images).
  const packages = [...installed.values()].filter((p) => INTERESTING_PACKAGES.has(p.name) || /^python3\.\d+$/.test(p.name));
  g.add('hostPackages', { file, environment: g.environment, manager, packages } satisfies HostPackages);
  if (manager === 'dpkg') await gatherAptUpdates(g, installed);
  else if (manager === 'apk') gatherApkUpdates(g, installed);
  else await gatherDnfUpdates(g, installed);
}

/** The members of a tar stream (ustar headers; apk's signature segment has no end blocks). */
export function tarMembers(data: Buffer, limit = 64): { name: string; content: Buffer }[] {
  const out: { name: string; content: Buffer }[] = [];
  let at = 0;
  while (at + 512 <= data.length && out.length < limit) {
    const header = data.subarray(at, at + 512);
    if (header.every((b) => b === 0)) {
      at += 512;
      continue;
    }
    const name = header.subarray(0, 100).toString('latin1').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('latin1').replace(/\0.*$/s, '').trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0 || at + 512 + size > data.length) throw new Error(`truncated tar member ${name}`);
    out.push({ name, content: data.subarray(at + 512, at + 512 + size) });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

/**
 * Alpine: installed packages newer in the cached repository indexes (var/cache/apk/APKINDEX.*.tar.gz,
 * written by `apk update`; no network). Alpine's stable branches ship security and bug fixes only,
 * so every pending upgrade counts.
 */
function gatherApkUpdates(g: Gathering, installed: Map<string, HostPackage>): void {
  const dir = 'var/cache/apk';
  const indexes = (g.list(dir) ?? []).filter((e) => /^APKINDEX\.[^/]+\.tar\.gz$/.test(e.name));
  if (!indexes.length) {
    g.unavailable('hostUpdates', { en: `no repository index in ${dir} (apk update never ran, or the cache was removed)`, ja: `${dir} にリポジトリのインデックスがありません（apk update 未実行か、キャッシュが削除されています）` });
    return;
  }
  const updates = new Map<string, HostUpdate>();
  const used: string[] = [];
  for (const e of indexes) {
    const p = `${dir}/${e.name}`;
    const raw = g.readBuffer(p, 64 * 1024 * 1024);
    if (!raw) continue;
    let text: string | undefined;
    try {
      // Two gzip members (signature, then the index), one tar stream.
      text = tarMembers(gunzipSync(raw, { maxOutputLength: 256 * 1024 * 1024 })).find((m) => m.name === 'APKINDEX')?.content.toString('utf8');
    } catch (err) {
      g.skip(p, `cannot read the index: ${(err as Error).message}`);
      continue;
    }
    if (text === undefined) {
      g.skip(p, 'no APKINDEX member in the archive');
      continue;
    }
    used.push(p);
    let name: string | undefined;
    for (const l of lines(text)) {
      if (l.startsWith('P:')) name = l.slice(2).trim();
      else if (l.startsWith('V:') && name) {
        const version = l.slice(2).trim();
        const have = installed.get(name);
        if (have && compareApk(version, have.version) > 0) {
          const prev = updates.get(name);
          if (!prev || compareApk(version, prev.candidate) > 0) updates.set(name, { name, installed: have.version, candidate: version });
        }
        name = undefined;
      } else if (l === '') name = undefined;
    }
  }
  if (!used.length) {
    g.unavailable('hostUpdates', { en: 'the repository indexes could not be read', ja: 'リポジトリのインデックスを読めませんでした' });
    return;
  }
  const security = [...updates.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  g.add('hostUpdates', { file: dir, environment: g.environment, source: 'apk-index', security, lists: used } satisfies HostUpdates);
}

/**
 * RHEL, Fedora, Rocky, Alma, Amazon Linux (live): `dnf -C -q updateinfo list --security` (yum on
 * older releases) answers from the cached metadata only (-C: no network).
 * Lines: `RHSA-2024:1234 Important/Sec. openssl-1:3.0.7-25.el9_3.x86_64`.
 */
async function gatherDnfUpdates(g: Gathering, installed: Map<string, HostPackage>): Promise<void> {
  let r = await g.run('dnf', ['-C', '-q', 'updateinfo', 'list', '--security']);
  if (!r.ran && (r.error ?? '').endsWith('is not installed')) r = await g.run('yum', ['-C', '-q', 'updateinfo', 'list', '--security']);
  if (!r.ran || r.exitCode !== 0) {
    g.unavailable('hostUpdates', { en: `${r.command} did not answer from the cache (${r.error ?? (r.stderr.trim().split('\n')[0] || `exit ${r.exitCode}`)}); run dnf makecache`, ja: `${r.command} がキャッシュから応答しませんでした（${r.error ?? (r.stderr.trim().split('\n')[0] || `終了コード ${r.exitCode}`)}）。dnf makecache を実行してください` });
    return;
  }
  const updates = new Map<string, HostUpdate>();
  for (const l of lines(r.stdout)) {
    const w = l.trim().split(/\s+/);
    if (w.length < 3 || !/\//.test(w[1]!)) continue;
    const nevra = w[2]!.replace(/\.(x86_64|aarch64|i686|noarch|ppc64le|s390x|src)$/, '');
    const m = /^(.+)-([^-]+)-([^-]+)$/.exec(nevra);
    if (!m) continue;
    const name = m[1]!;
    const candidate = `${m[2]}-${m[3]}`.replace(/^\d+:/, '');
    const have = installed.get(name);
    if (!updates.has(name)) updates.set(name, { name, installed: have?.version ?? '?', candidate });
  }
  const security = [...updates.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  g.add('hostUpdates', { file: `host:${r.command}`, environment: g.environment, source: 'dnf-security', security, lists: [`host:${r.command}`] } satisfies HostUpdates);
}

/** Security updates: installed packages older than the security pocket's version in apt's cached lists. */
async function gatherAptUpdates(g: Gathering, installed: Map<string, HostPackage>): Promise<void> {
  const dir = 'var/lib/apt/lists';
  const entries = g.list(dir);
  const lists = (entries ?? []).filter((e) => /-security_.*_Packages(\.(gz|lz4|xz))?$/.test(e.name) || /_dists_[a-z]+-security_.*Packages/.test(e.name));
  if (!lists.length) {
    g.unavailable('hostUpdates', { en: `no security package list in ${dir} (apt-get update never ran, or the lists were removed)`, ja: `${dir} にセキュリティのパッケージリストがありません（apt-get update 未実行か、リストが削除されています）` });
    return;
  }
  const security: HostUpdate[] = [];
  const used: string[] = [];
  for (const e of lists) {
    const p = `${dir}/${e.name}`;
    const raw = g.readBuffer(p, 64 * 1024 * 1024);
    if (!raw) continue;
    let text: string;
    try {
      const max = 256 * 1024 * 1024;
      text = (e.name.endsWith('.gz') ? gunzipSync(raw, { maxOutputLength: max }) : e.name.endsWith('.lz4') ? lz4Decompress(raw, max) : e.name.endsWith('.xz') ? await xzDecompress(raw, max) : raw).toString('utf8');
    } catch (err) {
      g.skip(p, `cannot decompress: ${(err as Error).message}`);
      continue;
    }
    used.push(p);
    // Stanzas: only the Package: and Version: fields matter (linear scan, no line array).
    let at = 0;
    let name: string | undefined;
    while (at < text.length) {
      const nl = text.indexOf('\n', at);
      const end = nl < 0 ? text.length : nl;
      if (text.startsWith('Package: ', at)) name = text.slice(at + 9, end).trim();
      else if (name !== undefined && text.startsWith('Version: ', at)) {
        const version = text.slice(at + 9, end).trim();
        const have = installed.get(name);
        if (have && compareDebian(version, have.version) > 0) {
          const prev = security.find((s) => s.name === name);
          if (!prev) security.push({ name, installed: have.version, candidate: version });
          else if (compareDebian(version, prev.candidate) > 0) prev.candidate = version;
        }
        name = undefined;
      }
      at = end + 1;
    }
  }
  if (!used.length) {
    g.unavailable('hostUpdates', { en: 'the security package lists could not be read', ja: 'セキュリティのパッケージリストを読めませんでした' });
    return;
  }
  security.sort((a, b) => (a.name < b.name ? -1 : 1));
  g.add('hostUpdates', { file: dir, environment: g.environment, source: 'apt-security', security, lists: used } satisfies HostUpdates);
}

const SYNC_SERVICES = ['systemd-timesyncd', 'chrony', 'chronyd', 'ntp', 'ntpd', 'ntpsec', 'openntpd'];

export function gatherTime(g: Gathering): void {
  const fact: HostTime = { file: 'etc/timezone', environment: g.environment };
  const tz = g.read('etc/timezone');
  if (tz.text !== undefined && tz.text.trim()) {
    fact.timezone = tz.text.trim().split(/\s+/)[0];
    fact.line = 1;
  } else {
    const link = g.view.readlink('etc/localtime');
    const m = link ? /zoneinfo\/(.+)$/.exec(link) : undefined;
    if (m) {
      fact.file = 'etc/localtime';
      fact.timezone = m[1];
    } else if (!g.view.lstat('etc/localtime')) {
      fact.file = 'etc/localtime';
      fact.timezone = 'UTC';
    }
  }
  for (const s of SYNC_SERVICES) {
    const link = g.enabledLinks(`${s}.service`);
    if (link.length) {
      fact.sync = { service: s, file: link[0]! };
      break;
    }
  }
  g.add('hostTime', fact);
}

// ── firewall ──────────────────────────────────────────────────────────────────────────────────

const ANY = new Set(['0.0.0.0/0', '::/0', 'any', '0.0.0.0', '::']);

function portsOf(spec: string, file: string, line: number, proto: HostFirewallRule['proto'], from: string): HostFirewallRule[] {
  const out: HostFirewallRule[] = [];
  for (const part of spec.split(',')) {
    const [a, b] = part.split(/[:-]/);
    const port = Number(a);
    if (!Number.isInteger(port) || port < 1 || port > 65535) continue;
    const to = b !== undefined ? Number(b) : undefined;
    out.push({ port, ...(to !== undefined && Number.isInteger(to) && to !== port ? { toPort: to } : {}), proto, from: ANY.has(from) ? 'any' : from, file, line });
  }
  return out;
}

/** ufw: ufw.conf ENABLED=, /etc/default/ufw DEFAULT_INPUT_POLICY=, and the `### tuple ###` lines of user.rules / user6.rules. */
function gatherUfw(g: Gathering): HostFirewall | undefined {
  const conf = g.read('etc/ufw/ufw.conf');
  if (conf.text === undefined) return undefined;
  const kv = keyValues(conf.text);
  const enabled = kv.get('ENABLED');
  const def = g.read('etc/default/ufw');
  const policy = def.text !== undefined ? keyValues(def.text).get('DEFAULT_INPUT_POLICY')?.value : undefined;
  const allows: HostFirewallRule[] = [];
  for (const f of ['etc/ufw/user.rules', 'etc/ufw/user6.rules']) {
    const r = g.read(f);
    if (r.text === undefined) continue;
    lines(r.text).forEach((l, i) => {
      const m = /^### tuple ### (.*)$/.exec(l.trim());
      if (!m) return;
      // action proto dport dst sport src [dapp - sapp] direction
      const w = m[1]!.split(/\s+/);
      const [action, proto, dport, , , src] = w;
      if (!action || !/^(allow|limit)(_log(-all)?)?$/.test(action) || !dport || dport === 'any') return;
      if (w[w.length - 1] === 'out') return;
      const pr = proto === 'tcp' || proto === 'udp' ? proto : 'any';
      allows.push(...portsOf(dport, f, i + 1, pr, src ?? 'any'));
    });
  }
  return {
    file: 'etc/ufw/ufw.conf',
    environment: g.environment,
    kind: 'ufw',
    ...(enabled ? { line: enabled.line } : {}),
    enabled: enabled?.value.toLowerCase() === 'yes',
    defaultDeny: (policy ?? 'DROP').toUpperCase() !== 'ACCEPT',
    allows,
  };
}

/** Splits an nftables / iptables-save line into words (quotes kept together), with columns. */
function words(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length || line[i] === '#') break;
    if (line[i] === '{' || line[i] === '}' || line[i] === ';' || line[i] === ',') {
      out.push(line[i]!);
      i++;
      continue;
    }
    let w = '';
    if (line[i] === '"') {
      i++;
      while (i < line.length && line[i] !== '"') w += line[i++];
      i++;
    } else while (i < line.length && !/[\s{};,]/.test(line[i]!)) w += line[i++];
    out.push(w);
  }
  return out;
}

/**
 * An nftables ruleset (nftables.conf, or `nft list ruleset`): input chains' policy, and
 * `tcp dport … accept` rules (sets and ranges). Chains hooked to input count, and so do the chains
 * they jump to by name convention (`ufw-user-input`, `INPUT` of iptables-nft).
 */
export function parseNftables(text: string, file: string): { defaultDeny: boolean; rules: number; allows: HostFirewallRule[] } {
  let inInput = false;
  let depth = 0;
  let inputDepth = -1;
  let defaultDeny = false;
  let rules = 0;
  const allows: HostFirewallRule[] = [];
  lines(text).forEach((raw, i) => {
    const w = words(raw);
    if (w[0] === 'chain') {
      inInput = /input/i.test(w[1] ?? '');
      inputDepth = depth;
    }
    const hook = w.indexOf('hook');
    if (hook >= 0) inInput = w[hook + 1] === 'input';
    if (inInput) {
      const pol = w.indexOf('policy');
      if (pol >= 0 && (w[pol + 1] === 'drop' || w[pol + 1] === 'reject')) defaultDeny = true;
      if (w.includes('accept') || w.includes('drop') || w.includes('reject') || w.includes('jump')) rules++;
      const dport = w.indexOf('dport');
      if (dport > 0 && w.includes('accept')) {
        const proto = w[dport - 1] === 'tcp' || w[dport - 1] === 'udp' ? (w[dport - 1] as 'tcp' | 'udp') : 'any';
        const saddr = w.indexOf('saddr');
        const from = saddr >= 0 ? w[saddr + 1]! : 'any';
        let spec = w[dport + 1] ?? '';
        if (spec === '{') {
          const end = w.indexOf('}', dport);
          spec = w.slice(dport + 2, end < 0 ? undefined : end).filter((x) => x !== ',').join(',');
        }
        allows.push(...portsOf(spec, file, i + 1, proto, from));
      }
    }
    for (const x of w) {
      if (x === '{') depth++;
      else if (x === '}') {
        depth--;
        if (depth <= inputDepth) inInput = false;
      }
    }
  });
  return { defaultDeny, rules, allows };
}

/** nftables.conf, loaded at boot by nftables.service. */
function gatherNftables(g: Gathering): HostFirewall | undefined {
  const file = 'etc/nftables.conf';
  const r = g.read(file);
  if (r.text === undefined) return undefined;
  const { defaultDeny, allows } = parseNftables(r.text, file);
  const enabled = g.enabledLinks('nftables.service');
  return { file, environment: g.environment, kind: 'nftables', enabled: enabled.length > 0, defaultDeny, allows };
}

/**
 * iptables-save text (rules.v4, sysconfig/iptables, or `iptables-save` live): the filter table's
 * INPUT policy and `-A <input chain> … --dport … -j ACCEPT` (INPUT and chains named like ufw's
 * `ufw-user-input`).
 */
export function parseIptables(text: string, file: string): { defaultDeny: boolean; rules: number; line?: number; allows: HostFirewallRule[] } {
  let table = '';
  let defaultDeny = false;
  let rules = 0;
  let line: number | undefined;
  const allows: HostFirewallRule[] = [];
  lines(text).forEach((raw, i) => {
    const w = words(raw.trim());
    if (!w.length) return;
    if (w[0]!.startsWith('*')) table = w[0]!.slice(1);
    if (table !== 'filter') return;
    if (w[0] === ':INPUT') {
      defaultDeny = w[1] === 'DROP' || w[1] === 'REJECT';
      line = i + 1;
    }
    if (w[0] === '-A' && /input/i.test(w[1] ?? '')) {
      rules++;
      const j = w.indexOf('-j');
      if (w[j + 1] !== 'ACCEPT') return;
      const opt = (names: string[]) => {
        const k = w.findIndex((x) => names.includes(x));
        return k >= 0 ? w[k + 1] : undefined;
      };
      const dport = opt(['--dport', '--dports', '--destination-port']);
      if (!dport) return;
      const p = opt(['-p', '--protocol']);
      allows.push(...portsOf(dport, file, i + 1, p === 'tcp' || p === 'udp' ? p : 'any', opt(['-s', '--source']) ?? 'any'));
    }
  });
  return { defaultDeny, rules, ...(line ? { line } : {}), allows };
}

/** iptables-save files (iptables-persistent rules.v4 / rules.v6, RHEL's sysconfig/iptables). */
function gatherIptables(g: Gathering): HostFirewall | undefined {
  for (const file of ['etc/iptables/rules.v4', 'etc/sysconfig/iptables']) {
    const r = g.read(file);
    if (r.text === undefined) continue;
    const { defaultDeny, line, allows } = parseIptables(r.text, file);
    const enabled = g.enabledLinks('netfilter-persistent.service').length > 0 || g.enabledLinks('iptables.service').length > 0;
    return { file, environment: g.environment, kind: 'iptables', ...(line ? { line } : {}), enabled, defaultDeny, allows };
  }
  return undefined;
}

/**
 * `ufw status verbose`: `Status: active`, `Default: deny (incoming), …`, and rule lines
 * `22/tcp  ALLOW IN  Anywhere`, `8000:8010/tcp (v6)  ALLOW IN  Anywhere (v6)`, `5432  ALLOW IN  10.0.0.0/8`.
 */
export function parseUfwStatus(text: string, file: string): { active: boolean; defaultDeny: boolean; allows: HostFirewallRule[] } {
  let active = false;
  let defaultDeny = false;
  const allows: HostFirewallRule[] = [];
  lines(text).forEach((raw, i) => {
    const t = raw.trim();
    if (/^Status:\s+active$/i.test(t)) active = true;
    const d = /^Default:\s+(\w+)\s+\(incoming\)/i.exec(t);
    if (d) defaultDeny = d[1]!.toLowerCase() !== 'allow';
    const m = /^(\S+)(?:\s+\(v6\))?\s+(ALLOW|LIMIT)(?:\s+IN)?\s+(\S+)/.exec(t);
    if (!m) return;
    const [spec, proto] = m[1]!.split('/');
    if (!spec || !/^\d/.test(spec)) return; // application profiles ("Nginx Full") name no port here
    const from = m[3] === 'Anywhere' ? 'any' : m[3]!;
    allows.push(...portsOf(spec, file, i + 1, proto === 'tcp' || proto === 'udp' ? proto : 'any', from));
  });
  return { active, defaultDeny, allows };
}

export function gatherFirewall(g: Gathering): void {
  for (const f of [gatherUfw(g), gatherNftables(g), gatherIptables(g)]) if (f) g.add('hostFirewall', f);
  // None found is a fact too (an empty list): host/firewall-disabled judges it.
  g.ensure('hostFirewall');
}

export type { Localized };
