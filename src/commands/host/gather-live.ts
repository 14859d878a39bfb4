/**
 * Live-only gatherers: listening sockets and their processes (`ss -ltnp`, or /proc/net/tcp with
 * /proc/PID/fd), `--domain` resolution, `nginx -t` and `sshd -T` on the host's own configuration.
 * With --root none of them runs: the facts are unavailable and their rules are listed as not
 * checked.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import type { HostDns, HostFirewallLive, HostListener, HostNginxTest } from '../../facts/host.js';
import { parseIptables, parseNftables, parseUfwStatus } from './gather-system.js';
import { type Gathering, type NginxBuild } from './gathering.js';
import { shellWords } from '../../lib/shell.js';
import { SSHD_DUMP } from './gathering.js';
import { findBinary, relPath } from './view.js';

const NOT_LIVE = { en: 'needs the live system (commands are not run with --root)', ja: 'ライブのシステムが必要です（--root ではコマンドを実行しません）' };

/** `ss -H -ltnp` lines: `LISTEN 0 128 0.0.0.0:80 0.0.0.0:* users:(("nginx",pid=12,fd=6),…)`. */
export function parseSs(text: string, file: string, environment: string): HostListener[] {
  const out: HostListener[] = [];
  for (const l of text.split('\n')) {
    const w = l.trim().split(/\s+/);
    if (w.length < 5) continue;
    const local = w[3]!;
    const colon = local.lastIndexOf(':');
    if (colon < 0) continue;
    const port = Number(local.slice(colon + 1));
    if (!Number.isInteger(port)) continue;
    let address = local.slice(0, colon).replace(/^\[|\]$/g, '').replace(/%.*$/, '');
    if (address === '*') address = '::';
    const users = /users:\(\("([^"]*)",pid=(\d+)/.exec(l);
    out.push({ file, environment, proto: address.includes(':') ? 'tcp6' : 'tcp', address, port, ...(users ? { process: users[1], pid: Number(users[2]) } : {}) });
  }
  return out;
}

function hexAddress(hex: string): string {
  if (hex.length === 8) return [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');
  const words: string[] = [];
  for (let i = 0; i < 4; i++) {
    const w = hex.slice(i * 8, i * 8 + 8);
    const le = w.match(/../g)!.reverse().join('');
    words.push(le.slice(0, 4), le.slice(4));
  }
  const v6 = words.map((x) => x.replace(/^0+(?=.)/, '')).join(':').toLowerCase();
  if (/^0:0:0:0:0:ffff:/.test(v6)) return v6.replace(/^0:0:0:0:0:ffff:/, '::ffff:');
  return v6 === '0:0:0:0:0:0:0:0' ? '::' : v6 === '0:0:0:0:0:0:0:1' ? '::1' : v6;
}

/** /proc/net/tcp{,6} listening sockets, owners through /proc/PID/fd links (root sees every process). */
function procListeners(environment: string): HostListener[] {
  const inodes = new Map<string, HostListener>();
  for (const [f, proto] of [['/proc/net/tcp', 'tcp'], ['/proc/net/tcp6', 'tcp6']] as const) {
    let text = '';
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    for (const l of text.split('\n').slice(1)) {
      const w = l.trim().split(/\s+/);
      if (w.length < 10 || w[3] !== '0A') continue; // 0A = LISTEN
      const [addr, port] = w[1]!.split(':');
      inodes.set(w[9]!, { file: f.slice(1), environment, proto, address: hexAddress(addr!), port: parseInt(port!, 16) });
    }
  }
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    /* no /proc */
  }
  for (const pid of pids.slice(0, 5000)) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let link: string;
      try {
        link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(link);
      const l = m ? inodes.get(m[1]!) : undefined;
      if (l && l.pid === undefined) {
        l.pid = Number(pid);
        try {
          l.process = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
        } catch {
          /* gone */
        }
      }
    }
  }
  return [...inodes.values()];
}

/** The systemd unit a process belongs to (from its cgroup), e.g. `nginx.service`. */
function unitOf(pid: number): string | undefined {
  try {
    const cg = readFileSync(`/proc/${pid}/cgroup`, 'utf8');
    const m = /\/([^/\n]+\.service)(\/|$|\n)/m.exec(cg);
    return m?.[1];
  } catch {
    return undefined;
  }
}

export async function gatherListeners(g: Gathering): Promise<void> {
  let list: HostListener[] | undefined;
  const r = await g.run('ss', ['-H', '-ltnp']);
  if (r.ran && r.exitCode === 0) list = parseSs(r.stdout, 'host:ss -ltnp', g.environment);
  if (!list || (list.some((l) => l.pid === undefined) && process.getuid?.() === 0)) {
    // ss missing or without owners: /proc gives the same sockets and, as root, their processes.
    const proc = procListeners(g.environment);
    if (!list) list = proc;
    else for (const l of list) if (l.pid === undefined) {
      const p = proc.find((x) => x.port === l.port && x.address === l.address && x.pid !== undefined);
      if (p) Object.assign(l, { pid: p.pid, process: p.process });
    }
  }
  const seen = new Set<string>();
  for (const l of list) {
    const k = `${l.address}:${l.port}`;
    if (seen.has(k)) continue;
    seen.add(k);
    if (l.pid !== undefined) {
      const u = unitOf(l.pid);
      if (u) l.unit = u;
    }
    g.add('hostListener', l);
  }
  g.ensure('hostListener');
}

async function gatherDns(g: Gathering, domain: string | undefined): Promise<void> {
  if (!domain) {
    g.unavailable('hostDns', { en: 'no domain given (--domain or host.domain in honban.yml)', ja: 'ドメインが指定されていません（--domain または honban.yml の host.domain）' });
    return;
  }
  const r = await g.view.resolve(domain);
  const local: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (!a.internal) local.push(a.address);
  g.add('hostDns', { file: `host:dns ${domain}`, environment: g.environment, domain, addresses: r.addresses, local, ...(r.error ? { error: r.error } : {}) } satisfies HostDns);
}

/** `nginx: [emerg] unknown directive "x" in /etc/nginx/sites-enabled/app:12` */
export function parseNginxOutput(text: string): HostNginxTest['messages'] {
  const out: HostNginxTest['messages'] = [];
  for (const l of text.split('\n')) {
    // `nginx: [emerg] …`, or with an error_log in effect `2026/06/01 03:00:00 [emerg] 12#12: …`.
    const m = /^(?:nginx: |\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d )\[(\w+)\] (?:\d+#\d+: )?(.*)$/.exec(l.trim());
    if (!m) continue;
    const at = / in (\/[^\s:]+):(\d+)$/.exec(m[2]!);
    out.push({ level: m[1]!, text: m[2]!, ...(at ? { file: relPath(at[1]!), line: Number(at[2]) } : {}) });
  }
  return out;
}

/** `nginx -t` on the host's configuration (`conf`: another nginx.conf, for tests: `nginx -t -c FILE`). */
export async function gatherNginxTest(g: Gathering, conf?: string): Promise<void> {
  if (!conf && !g.sources.has('etc/nginx/nginx.conf')) {
    g.ensure('hostNginxTest');
    return;
  }
  if (!findBinary('nginx')) {
    g.unavailable('hostNginxTest', { en: 'nginx -t: nginx is not installed here', ja: 'nginx -t: nginx がインストールされていません' });
    return;
  }
  if (process.getuid?.() !== 0) {
    g.unavailable('hostNginxTest', { en: 'nginx -t needs root (it opens the log files and certificate keys)', ja: 'nginx -t には root が必要です（ログファイルと証明書の鍵を開くため）' });
    return;
  }
  const r = await g.run('nginx', conf ? ['-t', '-c', conf] : ['-t']);
  if (!r.ran || r.error) {
    g.unavailable('hostNginxTest', { en: `nginx -t did not finish: ${r.error ?? 'not run'}`, ja: `nginx -t が完了しませんでした: ${r.error ?? '未実行'}` });
    return;
  }
  g.add('hostNginxTest', { file: 'host:nginx -t', environment: g.environment, ok: r.exitCode === 0, messages: parseNginxOutput(r.stderr + '\n' + r.stdout) } satisfies HostNginxTest);
}

/** `sshd -T`: the effective configuration sshd uses (`config`: another sshd_config, for tests: `sshd -T -f FILE`). */
export async function gatherSshdDump(g: Gathering, config?: string): Promise<void> {
  if ((!config && !g.sources.has('etc/ssh/sshd_config')) || !findBinary('sshd')) return;
  if (process.getuid?.() !== 0) {
    g.error('sshd -T was not run: it needs root; the sshd findings come from the configuration files');
    return;
  }
  const r = await g.run('sshd', config ? ['-T', '-f', config] : ['-T']);
  if (r.ran && r.exitCode === 0 && r.stdout.trim()) g.addSource(SSHD_DUMP, 'sshd', r.stdout);
  else g.error(`sshd -T failed (${r.error ?? r.stderr.trim().split('\n')[0] ?? `exit ${r.exitCode}`}); the sshd findings come from the configuration files`);
}

/**
 * The firewall the kernel runs now (live, as root; read-only listings, each with the timeout):
 * `nft list ruleset`, `iptables-save` (the legacy or nft-backed tables), `ufw status verbose`.
 * A tool that is not installed is left out; none of them installed is an empty list (no loaded
 * firewall), except that commands which ran but failed make the fact unavailable with why.
 */
export async function gatherFirewallLive(g: Gathering): Promise<void> {
  if (!g.view.live) {
    g.unavailable('hostFirewallLive', { en: 'the loaded firewall is read on the live system only (the saved rules were judged)', ja: '読み込まれているファイアウォールはライブのシステムでのみ読みます（保存された規則は判定しました）' });
    return;
  }
  if (!g.view.isRoot) {
    g.unavailable('hostFirewallLive', { en: 'reading the loaded firewall (nft list ruleset, iptables-save, ufw status) needs root', ja: '読み込まれているファイアウォール（nft list ruleset、iptables-save、ufw status）を読むには root が必要です' });
    return;
  }
  const [nft, ipt, ufw] = await Promise.all([g.run('nft', ['list', 'ruleset']), g.run('iptables-save', []), g.run('ufw', ['status', 'verbose'])]);
  const failed: string[] = [];
  const installed = [nft, ipt, ufw].filter((r) => !(r.error ?? '').endsWith('is not installed'));
  const ok = (r: typeof nft) => r.ran && r.exitCode === 0;
  for (const r of installed) if (!ok(r)) failed.push(`${r.command}: ${r.error ?? (r.stderr.trim().split('\n')[0] || `exit ${r.exitCode}`)}`);
  const add = (f: Omit<HostFirewallLive, 'environment'>) => g.add('hostFirewallLive', { ...f, environment: g.environment });
  if (ok(nft)) {
    const file = 'host:nft list ruleset';
    const p = parseNftables(nft.stdout, file);
    add({ file, kind: 'nftables', command: 'nft list ruleset', active: p.defaultDeny || p.rules > 0, defaultDeny: p.defaultDeny, allows: p.allows });
  }
  // iptables-save shows the same kernel tables as nft on an nft-backed system: used when nft is absent.
  if (ok(ipt) && !ok(nft)) {
    const file = 'host:iptables-save';
    const p = parseIptables(ipt.stdout, file);
    add({ file, kind: 'iptables', command: 'iptables-save', active: p.defaultDeny || p.rules > 0, defaultDeny: p.defaultDeny, allows: p.allows });
  }
  if (ok(ufw)) {
    const file = 'host:ufw status verbose';
    const p = parseUfwStatus(ufw.stdout, file);
    add({ file, kind: 'ufw', command: 'ufw status verbose', active: p.active, defaultDeny: p.active && p.defaultDeny, allows: p.active ? p.allows : [] });
  }
  if (!g.has('hostFirewallLive') && failed.length) {
    g.unavailable('hostFirewallLive', { en: `the loaded firewall could not be read (${failed.join('; ')})`, ja: `読み込まれているファイアウォールを読めませんでした（${failed.join('; ')}）` });
    return;
  }
  for (const f of failed) g.error(`${f}; the loaded firewall was judged from the other tools`);
  g.ensure('hostFirewallLive');
}

/**
 * `nginx -V`: the prefix and default log paths nginx was built with (`configure arguments:
 * --prefix=/usr/share/nginx --http-log-path=… --error-log-path=…`), printed on stderr. Relative
 * log paths in the configuration resolve against the prefix (gatherNginxLogs).
 */
export function parseNginxBuild(text: string): NginxBuild {
  const line = text.split('\n').find((l) => l.startsWith('configure arguments:'));
  const build: NginxBuild = {};
  if (!line) return build;
  for (const w of shellWords(line.slice('configure arguments:'.length))) {
    const eq = w.indexOf('=');
    if (eq < 0) continue;
    const key = w.slice(0, eq);
    const value = w.slice(eq + 1);
    if (!value) continue;
    if (key === '--prefix') {
      if (value.startsWith('/')) build.prefix = value;
    }
    else if (key === '--http-log-path') build.httpLogPath = value;
    else if (key === '--error-log-path') build.errorLogPath = value;
  }
  return build;
}

async function gatherNginxBuild(g: Gathering): Promise<void> {
  if (!g.sources.has('etc/nginx/nginx.conf')) return;
  // Not installed (or failing): the package default stands, as offline.
  const r = await g.run('nginx', ['-V']);
  if (r.ran && r.exitCode === 0) g.nginxBuild = parseNginxBuild(r.stderr + '\n' + r.stdout);
}

export async function gatherLive(g: Gathering, opts: { domain?: string }): Promise<void> {
  if (!g.view.live) {
    await gatherFirewallLive(g);
    for (const f of ['hostListener', 'hostNginxTest'] as const) g.unavailable(f, NOT_LIVE);
    g.unavailable('hostDns', opts.domain ? NOT_LIVE : { en: 'no domain given (--domain or host.domain in honban.yml), and names are resolved on the live system only', ja: 'ドメインが指定されていません（--domain または honban.yml の host.domain）。名前解決はライブのシステムでのみ行います' });
    return;
  }
  await Promise.all([gatherListeners(g), gatherDns(g, opts.domain), gatherNginxTest(g), gatherNginxBuild(g), gatherSshdDump(g), gatherFirewallLive(g)]);
}
