/**
 * Gathering: everything `honban host` learns about a server through the fact interface, as one
 * record (src/commands/host/record.ts) — host facts, the facts that could not be gathered and why, the
 * commands that ran, the files that could not be read, and the findings of the scan rules on the
 * files deployed there (units, nginx, sshd, env files), judged on the host because their values
 * never leave it.
 */
import os from 'node:os';
import type { HonbanConfig } from '../../contracts/config.js';
import { collectFacts, neededFacts } from '../../engine/collect.js';
import type { FactStore } from '../../contracts/collector.js';
import { runPipeline, selectRules } from '../../engine/pipeline.js';
import type { FileKind, RawFinding, ReportError, Rule } from '../../contracts/types.js';
import type { NginxConfig } from '../../facts/nginx/types.js';
import { walk } from '../../facts/nginx/query.js';
import { gatherApps, gatherBackups, gatherCertificates, gatherLogrotate, gatherNginxLogs, gatherTempCleanup, gatherSchedules, localUnits } from './gather-app.js';
import { gatherLive } from './gather-live.js';
import { gatherFirewall, gatherOs, gatherPackages, gatherResources, gatherTime } from './gather-system.js';
import type { HostInfo, HostSchedule } from '../../facts/host.js';
import { type HostView } from './view.js';
import { Gathering, SSHD_DUMP } from './gathering.js';

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

/** The rules of DEPLOYED_DOMAINS. */
export async function deployedRuleSet(): Promise<Rule<any>[]> {
  // Only these domains' rule modules are loaded (src/rules/catalog.ts).
  return (await import('../../rules/catalog.js')).loadDomains(DEPLOYED_DOMAINS);
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
  // nginx's configuration is always parsed: its log files are host facts (logrotate), whatever rules are on.
  const { facts, errors, secrets } = await collectFacts(files, new Set([...neededFacts(rules), 'nginx']), { environment: g.environment, customEnvs: [g.environment] });
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
  for (const u of g.appUnits) {
    g.addSource(u.file, 'systemd', u.text, u.mode);
    // Its drop-ins: the systemd collector merges them into the unit, findings point at their lines.
    for (const d of u.dropIns) g.addSource(d.path, 'systemd', d.content, d.mode);
  }
  const pkgs = gatherPackages(g);
  await gatherResources(g);
  await pkgs;
  gatherSchedules(g);
  gatherLogrotate(g);
  gatherTempCleanup(g);
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
  gatherNginxLogs(g, (facts.nginx ?? []) as NginxConfig[]);
  return { gathering: g, deployed: judgement, gatheredAt: now.toISOString() };
}

export type { LocalUnit } from './gathering.js';
