/**
 * Gathering: everything `honban host` learns about a server through the fact interface, as one
 * record (src/host/record.ts) — host facts, the facts that could not be gathered and why, the
 * commands that ran, the files that could not be read, and the findings of the scan rules on the
 * files deployed there (units, nginx, sshd, env files), judged on the host because their values
 * never leave it.
 */
import os from 'node:os';
import type { HonbanConfig } from '../config/load.js';
import type { BaseFact } from '../core/collector.js';
import { collectFacts, neededFacts, type FactStore } from '../core/engine.js';
import { runPipeline, selectRules } from '../core/pipeline.js';
import type { FactTypes, FileKind, Localized, RawFinding, ReportError, Rule, SourceFile } from '../core/types.js';
import type { NginxConfig } from '../collect/nginx.js';
import { walk } from '../collect/nginx/query.js';
import { gatherApps, gatherBackups, gatherCertificates, gatherLogrotate, gatherSchedules, localUnits, type LocalUnit } from './gather-app.js';
import { gatherLive } from './gather-live.js';
import { gatherFirewall, gatherOs, gatherPackages, gatherResources, gatherTime } from './gather-system.js';
import type { HostFactName, HostInfo, HostSchedule } from '../facts/host.js';
import { HOST_DEFAULTS, hostConfig, type HostConfig } from './settings.js';
import { MAX_READ, relPath, type CommandResult, type HostView, type ReadResult } from './view.js';

export interface CommandLog {
  command: string;
  ran: boolean;
  exitCode?: number;
  ms: number;
  error?: string;
}

export interface DeployedJudgement {
  /** The deployed files judged (root-relative), with their kind. */
  files: { path: string; kind: FileKind }[];
  /** Ids of the scan rules that judged them. */
  rules: string[];
  /** Those of `rules` that had something to judge on this host (absent in older records). */
  judged?: string[];
  /** Their findings: inline suppressions applied, secrets masked, fingerprinted. */
  findings: RawFinding[];
  errors: ReportError[];
}

/** Rule domains that judge the files found on a host (the same rules as `honban scan`). */
export const DEPLOYED_DOMAINS = ['systemd', 'nginx', 'sshd', 'env', 'gunicorn', 'honban'];

/** The rules of DEPLOYED_DOMAINS (only those domains' modules are loaded). */
export async function deployedRuleSet(): Promise<Rule<any>[]> {
  const mods = await Promise.all([
    import('../rules/systemd/index.js'),
    import('../rules/nginx/index.js'),
    import('../rules/sshd/index.js'),
    import('../rules/env/index.js'),
    import('../rules/gunicorn/index.js'),
    import('../rules/honban/index.js'),
  ]);
  return mods.flatMap((m) => m.rules);
}

export class Gathering {
  readonly facts: Partial<Record<HostFactName, BaseFact[]>> = {};
  readonly missing: Partial<Record<HostFactName, Localized>> = {};
  readonly skipped: { path: string; reason: string }[] = [];
  readonly commands: CommandLog[] = [];
  readonly errors: ReportError[] = [];
  readonly sources = new Map<string, SourceFile>();
  readonly appUnits: LocalUnit[] = [];
  readonly config: HostConfig;
  readonly configFile: string;
  private passwd?: Map<number, string>;
  private groups?: Map<number, string>;
  private wants?: { dir: string; names: string[] }[];

  constructor(
    readonly view: HostView,
    readonly environment: string,
    honban: HonbanConfig,
  ) {
    this.config = hostConfig(honban);
    this.configFile = honban.source ?? 'honban.yml';
  }

  add<N extends HostFactName>(name: N, fact: FactTypes[N]): void {
    ((this.facts[name] ??= []) as BaseFact[]).push(fact as BaseFact);
  }

  has(name: HostFactName): boolean {
    return Boolean(this.facts[name]?.length);
  }

  /** Marks a fact as gathered even when nothing was found (an empty list is a fact). */
  ensure(name: HostFactName): void {
    this.facts[name] ??= [];
  }

  unavailable(name: HostFactName, why: Localized): void {
    if (!this.missing[name]) this.missing[name] = why;
  }

  skip(path: string, reason: string): void {
    if (!this.skipped.some((s) => s.path === path)) this.skipped.push({ path, reason });
  }

  error(message: string, file?: string): void {
    this.errors.push({ kind: 'collector', message, ...(file ? { file } : {}) });
  }

  /** Reads through the view; anything but absence (too large, special file, loop, denied) is listed as skipped. */
  read(p: string, max = MAX_READ): ReadResult {
    const r = this.view.read(p, max);
    const rel = relPath(p);
    if (r.truncated) {
      this.skip(rel, `larger than ${max} bytes: not read`);
      return { error: 'too large' };
    }
    if (r.error && r.error !== 'no such file') this.skip(rel, r.error);
    return r;
  }

  readBuffer(p: string, max: number): Buffer | undefined {
    const r = this.view.readBytes(p, max);
    if (r.truncated) {
      this.skip(relPath(p), `larger than ${max} bytes: not read`);
      return undefined;
    }
    if (!r.data && r.error !== 'no such file') this.skip(relPath(p), r.error ?? 'unreadable');
    return r.data;
  }

  /**
   * Lists a directory through the view; a directory that exists but cannot be listed (permission:
   * not root) is listed as skipped, so what it holds is never silently taken as absent.
   */
  list(dir: string): ReturnType<HostView['list']> {
    const l = this.view.list(dir);
    if (l === undefined) {
      const st = this.view.statOrWhy(dir);
      if (st.stat?.type === 'dir') this.skip(relPath(dir), 'permission denied: cannot list the directory (run as root)');
      else if (st.error && st.error !== 'no such file') this.skip(relPath(dir), st.error);
    }
    return l;
  }

  async run(command: string, args: string[], timeoutMs?: number): Promise<CommandResult> {
    const r = await this.view.run(command, args, { timeoutMs: timeoutMs ?? this.config.commandTimeout ?? HOST_DEFAULTS.commandTimeout });
    this.commands.push({ command: r.command, ran: r.ran, ...(r.exitCode !== undefined ? { exitCode: r.exitCode } : {}), ms: r.ms, ...(r.error ? { error: r.error } : {}) });
    return r;
  }

  /** The `*.wants/` links (root-relative) under etc/systemd/system that enable `unit`. */
  enabledLinks(unit: string): string[] {
    if (!this.wants) {
      this.wants = [];
      for (const e of this.view.list('etc/systemd/system') ?? []) {
        if (!e.name.endsWith('.wants') || (e.type !== 'dir' && e.type !== 'symlink')) continue;
        const dir = `etc/systemd/system/${e.name}`;
        this.wants.push({ dir, names: (this.view.list(dir) ?? []).map((x) => x.name) });
      }
    }
    return this.wants.filter((w) => w.names.includes(unit)).map((w) => `${w.dir}/${unit}`);
  }

  /** Owner and group names from the root's etc/passwd and etc/group. */
  names(uid: number, gid: number): { owner?: string; group?: string } {
    const table = (file: string) => {
      const m = new Map<number, string>();
      const r = this.view.read(file);
      for (const l of (r.text ?? '').split('\n')) {
        const f = l.split(':');
        if (f.length >= 3 && /^\d+$/.test(f[2]!)) if (!m.has(Number(f[2]))) m.set(Number(f[2]), f[0]!);
      }
      return m;
    };
    this.passwd ??= table('etc/passwd');
    this.groups ??= table('etc/group');
    const owner = this.passwd.get(uid);
    const group = this.groups.get(gid);
    return { ...(owner ? { owner } : {}), ...(group ? { group } : {}) };
  }

  /** Directories whose free space matters besides `/` (the app's working directory). */
  appDirsForDisk(): string[] {
    return ((this.facts.hostApp ?? []) as { workingDirectory?: string }[]).map((a) => a.workingDirectory).filter((d): d is string => Boolean(d));
  }

  /** A deployed file the scan rules judge. Host files belong to the target environment and to no repository. */
  addSource(path: string, kind: FileKind, content: string, mode?: number): void {
    if (this.sources.has(path)) return;
    this.sources.set(path, { path, content, kind, environment: this.environment, gitIgnored: true, ...(mode !== undefined ? { mode } : {}) });
  }
}

/** nginx: every regular file under etc/nginx (sites-available only through sites-enabled links). */
function gatherNginxFiles(g: Gathering): void {
  const walkDir = (dir: string, depth: number) => {
    if (depth > 4) return;
    for (const e of g.list(dir) ?? []) {
      const p = `${dir}/${e.name}`;
      if (e.name.startsWith('.') || e.name.endsWith('~') || e.name.endsWith('.dpkg-dist') || e.name.endsWith('.dpkg-old')) continue;
      if (e.type === 'dir' || (e.type === 'symlink' && g.view.stat(p)?.type === 'dir')) {
        if (e.name === 'sites-available' || e.name === 'modules-available') continue;
        walkDir(p, depth + 1);
        continue;
      }
      if (e.type !== 'file' && e.type !== 'symlink') {
        g.skip(p, `not a regular file (${e.type})`);
        continue;
      }
      if (/\.(types|pem|key|crt)$/.test(e.name) || /_params$/.test(e.name) || ['koi-utf', 'koi-win', 'win-utf'].includes(e.name)) continue;
      const r = g.read(p);
      if (r.text !== undefined) g.addSource(p, 'nginx', r.text);
    }
  };
  if (g.view.stat('etc/nginx')?.type === 'dir') walkDir('etc/nginx', 0);
}

function gatherSshdFiles(g: Gathering): void {
  const main = 'etc/ssh/sshd_config';
  const r = g.read(main);
  if (r.text !== undefined) g.addSource(main, 'sshd', r.text);
  for (const e of g.list('etc/ssh/sshd_config.d') ?? []) {
    if (!e.name.endsWith('.conf')) continue;
    const p = `etc/ssh/sshd_config.d/${e.name}`;
    const x = g.read(p);
    if (x.text !== undefined) g.addSource(p, 'sshd', x.text);
  }
}

/** Runs the scan rules of DEPLOYED_DOMAINS over the deployed files. */
async function judgeDeployed(g: Gathering, config: HonbanConfig, now: Date): Promise<{ judgement: DeployedJudgement; facts: FactStore }> {
  const candidates = (await deployedRuleSet()).filter((r) => r.id !== 'nginx/config-test-failed');
  // Waivers and baselines are applied when the record is judged, not here.
  const cfg: HonbanConfig = { ...config, waivers: [] };
  const { rules, severities, options } = selectRules(candidates, 'scan', g.environment, cfg);
  const files = [...g.sources.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  const { facts, errors, secrets } = await collectFacts(files, neededFacts(rules), { environment: g.environment, customEnvs: [g.environment] });
  // The host's nginx: the configuration nginx.conf builds (stray files under etc/nginx are not loaded).
  if (facts.nginx && files.some((f) => f.path === 'etc/nginx/nginx.conf')) facts.nginx = (facts.nginx as NginxConfig[]).filter((c) => c.file === 'etc/nginx/nginx.conf');
  const result = await runPipeline({
    command: 'host',
    target: [g.view.root],
    environment: g.environment,
    lang: 'en',
    failOn: 'none',
    config: cfg,
    rules: rules as Rule<any>[],
    severities,
    options,
    facts,
    files: new Map(files.map((f) => [f.path, { content: f.content, kind: f.kind }])),
    errors,
    secrets,
    scanned: files.length,
    now,
  });
  let findings = result.findings;
  // sshd: `sshd -T` (live) is the effective configuration. Its findings stand only where no file
  // shows the problem; a file finding about the global value stands only where sshd -T confirms it.
  const dump = files.find((f) => f.path === SSHD_DUMP);
  if (dump) {
    const byRule = (file: (f: RawFinding) => boolean) => new Set(findings.filter((f) => f.ruleId.startsWith('sshd/') && file(f)).map((f) => f.ruleId));
    const confirmed = byRule((f) => f.file === SSHD_DUMP);
    const inFiles = byRule((f) => f.file !== SSHD_DUMP);
    findings = findings.filter((f) => {
      if (!f.ruleId.startsWith('sshd/')) return true;
      if (f.file === SSHD_DUMP) return !inFiles.has(f.ruleId);
      return confirmed.has(f.ruleId) || f.message.en.includes('"Match ');
    });
  }
  return {
    judgement: { files: files.map((f) => ({ path: f.path, kind: f.kind })), rules: rules.map((r) => r.id), judged: result.judged, findings, errors: result.report.errors },
    facts,
  };
}

export const SSHD_DUMP = 'host:sshd -T';

export interface GatherOptions {
  environment: string;
  config: HonbanConfig;
  /** --domain: resolve this name (live). */
  domain?: string;
  now?: Date;
  onProgress?: (m: string) => void;
}

export interface Gathered {
  gathering: Gathering;
  deployed: DeployedJudgement;
  gatheredAt: string;
}

export async function gather(view: HostView, opts: GatherOptions): Promise<Gathered> {
  const now = opts.now ?? new Date();
  const g = new Gathering(view, opts.environment, opts.config);
  const hostname = view.live ? os.hostname() : g.read('etc/hostname').text?.trim().split(/\s+/)[0];
  const info: HostInfo = {
    file: 'host',
    environment: g.environment,
    mode: view.live ? 'live' : 'root',
    root: view.root,
    ...(hostname ? { hostname } : {}),
    gatheredAt: now.toISOString(),
    ...(view.live && typeof process.getuid === 'function' ? { asRoot: process.getuid() === 0 } : {}),
  };
  g.add('hostInfo', info);
  opts.onProgress?.('reading the system…');
  gatherOs(g);
  gatherTime(g);
  gatherFirewall(g);
  const units = localUnits(g, '.service');
  gatherApps(g, units);
  for (const u of g.appUnits) g.addSource(u.file, 'systemd', u.text, u.mode);
  const pkgs = gatherPackages(g);
  await gatherResources(g);
  await pkgs;
  gatherSchedules(g);
  gatherLogrotate(g);
  gatherBackups(g, (g.facts.hostSchedule ?? []) as HostSchedule[]);
  gatherNginxFiles(g);
  gatherSshdFiles(g);
  // Live commands run in parallel (each with its own timeout).
  opts.onProgress?.('asking the live system…');
  await gatherLive(g, { domain: opts.domain ?? g.config.domain });
  opts.onProgress?.('judging the deployed files…');
  const { judgement, facts } = await judgeDeployed(g, opts.config, now);
  // Certificates nginx names (ssl_certificate), with where it names them.
  const referenced: { path: string; file: string; line: number; column: number }[] = [];
  for (const cfg of (facts.nginx ?? []) as NginxConfig[]) {
    walk(cfg.directives, (d) => {
      if (d.name === 'ssl_certificate' && d.args[0] && !d.args[0].startsWith('data:')) referenced.push({ path: d.args[0], file: d.file ?? cfg.file, line: d.line, column: d.column });
    });
  }
  gatherCertificates(g, referenced);
  return { gathering: g, deployed: judgement, gatheredAt: now.toISOString() };
}

export type { LocalUnit };
