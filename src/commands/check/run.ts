/**
 * `honban check`: the go-live verdict. In one process it runs `scan` of the directory, `env` for the
 * target environment (when there are env files or a `variables:` schema), `probe` (with a URL or
 * saved probe facts), host facts (from `honban host --record`), evaluates the checklist of
 * honban.yml, decides the verdict, and stores the run in the history store.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findConfig, loadConfig } from '../../config/load.js';
import type { HonbanConfig } from '../../contracts/config.js';
import type { FailOn, Finding, FindingSource, FindingStatus, Lang, Readiness, Report, ReportError, RuleSummary, Summary } from '../../contracts/types.js';
import { writeBaseline } from '../../engine/post/baseline.js';
import { ALL_RULES } from '../../rules/index.js';
import { VERSION } from '../../contracts/version.js';
import { decideVerdict, evaluateChecklist } from './checklist.js';
import { gitInfo, projectKey } from './git.js';
import type { ProbeRunOptions } from '../probe/index.js';
import type { HistoryStore, Keep, RunInput, StoredFinding, Unjudged } from '../history/index.js';
import { StoreError, storeUserError } from '../history/sql.js';
import { noSuchConfig, noSuchDirectory, notADirectory } from '../../lib/user-errors.js';

export interface CheckOptions {
  /** The directory to check (default: the current directory). */
  dir?: string;
  /** A honban.yml path or a config object (default: honban.yml in `dir`). */
  config?: string | HonbanConfig;
  environment?: string;
  lang?: Lang;
  failOn?: FailOn;
  /** Probe this URL (default: honban.yml `probe.url`). */
  url?: string;
  /** Judge probe facts saved with `honban probe --save-facts` instead of probing. */
  probeFacts?: string;
  /** Further probe options (CA file, headers, timeout …). */
  probe?: Partial<Pick<ProbeRunOptions, 'httpUrl' | 'caFile' | 'insecure' | 'headers' | 'cookies' | 'loginPath' | 'healthPath' | 'expectServer' | 'timeoutMs'>>;
  /** Host facts recorded with `honban host --record FILE`. */
  hostFacts?: string;
  /** honban env: overlay this process environment / read Docker secrets from this directory. */
  processEnv?: Record<string, string | undefined>;
  secretsDir?: string;
  baseline?: string;
  writeBaseline?: string;
  /** The history store; `false` (or --no-history) stores nothing. */
  history?: false | { store?: string; keep?: string | number; project?: string };
  now?: Date;
  onProgress?: (message: string) => void;
}

export interface CheckResult {
  report: Report;
}

const SOURCES: readonly FindingSource[] = ['scan', 'env', 'probe', 'host'];
/** How many stored runs the trend chart shows. */
export const TREND_RUNS = 60;

function displayDir(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? dir : rel;
}

/** Loads the config the way every command does, keeping its text for env's declaration lines. */
async function configOf(dir: string, given: CheckOptions['config']): Promise<{ config: HonbanConfig; text?: string; display?: string }> {
  let config: HonbanConfig;
  let file: string | undefined;
  if (typeof given === 'object') {
    // A loaded honban.yml remembers its file: env points its declaration lines into it.
    config = given;
    file = given.source;
    if (!file || !existsSync(file)) return { config };
  } else {
    if (given && !existsSync(given)) throw noSuchConfig(given);
    file = given ?? findConfig(dir);
    config = await loadConfig(file, new Set(ALL_RULES.map((r) => r.id)));
    if (!file) return { config };
  }
  const rel = path.relative(dir, path.resolve(file));
  return { config, text: readFileSync(file, 'utf8'), display: rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file };
}

export async function check(opts: CheckOptions = {}): Promise<CheckResult> {
  const t0 = performance.now();
  const now = opts.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const dirArg = opts.dir ?? '.';
  const dir = path.resolve(dirArg);
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw noSuchDirectory(dirArg);
  }
  if (!st.isDirectory()) throw notADirectory(dirArg, 'honban check');
  const { config, text: configText, display: configDisplay } = await configOf(dir, opts.config);
  const { resolveEnvName } = await import('../../collect/env/layers.js');
  const environment = resolveEnvName(opts.environment ?? config.environment ?? 'production', config);
  const lang = opts.lang ?? config.lang ?? 'en';
  const failOn = opts.failOn ?? config.failOn ?? 'high';
  // The history store is opened (and migrated) first: a wrong URL or an unreachable server fails
  // in a second, not after the whole check.
  let store: HistoryStore | undefined;
  let keep: Keep = {};
  if (opts.history !== false) {
    const h = opts.history ?? {};
    const { storeSpec, openStore, parseKeep } = await import('../history/index.js');
    try {
      const spec = h.store ? storeSpec(h.store, dir) : storeSpec(config.history?.store, dir, dir);
      keep = parseKeep(h.keep ?? config.history?.keep);
      opts.onProgress?.(`opening ${spec.display}…`);
      store = await openStore(spec);
    } catch (e) {
      throw storeFailure(e);
    }
  }
  try {
    return await checkWith(opts, { dir, dirArg, config, configText, configDisplay, environment, lang, failOn, now, today, t0, store, keep });
  } finally {
    await store?.close();
  }
}

function storeFailure(e: unknown): Error {
  if (e instanceof StoreError) return storeUserError(e, { whileChecking: true });
  return e as Error;
}

interface Ctx {
  dir: string;
  dirArg: string;
  config: HonbanConfig;
  configText?: string;
  configDisplay?: string;
  environment: string;
  lang: Lang;
  failOn: FailOn;
  now: Date;
  today: string;
  t0: number;
  store?: HistoryStore;
  keep: Keep;
}

async function checkWith(opts: CheckOptions, ctx: Ctx): Promise<CheckResult> {
  const { dir, dirArg, config, configText, configDisplay, environment, lang, failOn, now, today, t0, store, keep } = ctx;
  const parts: { source: FindingSource; report: Report }[] = [];
  /** Rules that had something to judge, in every part: an item whose rules judged nothing is not passed. */
  const judged = new Set<string>();
  const sources: Readiness['sources'] = [];
  const notRun = new Set<FindingSource>();
  /** Parts asked for that could not run, with why. */
  const failed = new Map<FindingSource, string>();
  const note = NOTES[lang];

  // scan
  opts.onProgress?.('scan…');
  const { scan } = await import('../scan.js');
  const scanned = await scan({ paths: [dirArg], environment, lang, failOn, config, baseline: opts.baseline, now, onProgress: opts.onProgress });
  parts.push({ source: 'scan', report: scanned.report });
  for (const id of scanned.judged) judged.add(id);
  sources.push({ source: 'scan', ran: true, target: displayDir(dir), scanned: scanned.report.scanned });

  // env
  opts.onProgress?.('env…');
  const { runEnv } = await import('../env/run.js');
  const { diskView } = await import('../../collect/env/fs.js');
  const { hasSchema } = await import('../../config/variables.js');
  const envRun = await runEnv({ view: diskView(dir), environment, config, configText, configDisplay, processEnv: opts.processEnv, secretsDir: opts.secretsDir, lang, failOn, baseline: opts.baseline, now });
  if (envRun.resolution.sources.length || hasSchema(config)) {
    parts.push({ source: 'env', report: envRun.report });
    for (const id of envRun.judged) judged.add(id);
    sources.push({ source: 'env', ran: true, target: environment, scanned: envRun.report.scanned });
  } else {
    notRun.add('env');
    sources.push({ source: 'env', ran: false, note: note.noEnv(environment) });
  }

  // probe
  const probeDefaults = (config.probe ?? {}) as { url?: string; httpUrl?: string; loginPath?: string; healthPath?: string; expectServer?: string; timeout?: number; headers?: string[] };
  const url = opts.url ?? (opts.probeFacts ? undefined : probeDefaults.url);
  if (url || opts.probeFacts) {
    opts.onProgress?.('probe…');
    const { probe, UNREACHABLE_RULES } = await import('../probe/index.js');
    const p = opts.probe ?? {};
    const probed = await probe({
      ...(url ? { url } : {}),
      fromFacts: opts.probeFacts,
      httpUrl: p.httpUrl ?? probeDefaults.httpUrl,
      caFile: p.caFile,
      insecure: p.insecure ?? false,
      headers: [...(probeDefaults.headers ?? []), ...(p.headers ?? [])],
      cookies: p.cookies ?? [],
      loginPath: p.loginPath ?? probeDefaults.loginPath,
      healthPath: p.healthPath ?? probeDefaults.healthPath,
      expectServer: p.expectServer ?? probeDefaults.expectServer,
      timeoutMs: p.timeoutMs ?? probeDefaults.timeout,
      environment,
      lang,
      failOn,
      config,
      baseline: opts.baseline,
      now,
      onProgress: opts.onProgress,
    });
    parts.push({ source: 'probe', report: probed.report });
    for (const id of probed.judged) judged.add(id);
    // A site that did not answer (DNS or connection) was not checked: the probe asked for could not
    // run. Its earlier findings are then unchecked in history diff, never fixed, and the verdict
    // is not ready.
    const down = probed.report.findings.find((f) => UNREACHABLE_RULES.has(f.ruleId));
    if (down) {
      failed.set('probe', down.message);
      sources.push({ source: 'probe', ran: false, failed: true, target: probed.report.target[0], note: failed.get('probe') });
    } else {
      sources.push({ source: 'probe', ran: true, target: probed.report.target[0], scanned: probed.report.scanned, ...(typeof probed.report.extra?.headline === 'string' ? { note: probed.report.extra.headline } : {}) });
    }
  } else {
    notRun.add('probe');
    sources.push({ source: 'probe', ran: false, note: note.noProbe });
  }

  // host: facts recorded on the server with `honban host --record FILE`, judged here with this
  // run's honban.yml (waivers, thresholds) — through the loader and judge of honban host.
  const notChecked = new Map<string, string>();
  if (opts.hostFacts) {
    opts.onProgress?.('host…');
    const { loadHostFacts, judgeHostFacts } = await import('../host/index.js');
    const record = await loadHostFacts(opts.hostFacts);
    const hosted = await judgeHostFacts(record, { environment, lang, failOn, config, baseline: opts.baseline, now });
    parts.push({ source: 'host', report: hosted.report });
    for (const id of hosted.judged) judged.add(id);
    for (const n of hosted.notChecked) notChecked.set(n.ruleId, n.reason);
    const headline = typeof hosted.report.extra?.headline === 'string' ? hosted.report.extra.headline : undefined;
    sources.push({ source: 'host', ran: true, target: `${opts.hostFacts} (${record.mode === 'live' ? 'live' : `--root ${record.root}`}, ${record.gatheredAt.slice(0, 10)})`, scanned: hosted.report.scanned, ...(headline ? { note: headline } : {}) });
  } else {
    notRun.add('host');
    sources.push({ source: 'host', ran: false, note: note.noHost });
  }

  const combined = combine(parts, { dir: displayDir(dir), environment, lang, failOn, url });
  if (opts.writeBaseline) await writeBaseline(opts.writeBaseline, combined.findings, now);

  // checklist and verdict
  const ruleSources = new Map<string, FindingSource>();
  for (const r of ALL_RULES) ruleSources.set(r.id, (r.command ?? 'scan') as FindingSource);
  const items = evaluateChecklist(config.checklist ?? [], {
    findings: combined.findings,
    rulesRan: judged,
    ruleSources,
    notRun,
    failed,
    notChecked,
    lang,
    today,
    evidenceExists: (p) => !path.isAbsolute(p) && !p.split(/[\\/]/).includes('..') ? existsSync(path.join(dir, p)) : existsSync(p),
  });
  const { verdict, reasons } = decideVerdict(items, combined.findings, failOn, lang, failed);
  const git = gitInfo(dir);
  const project = opts.history === false ? undefined : projectKey(dir, git, opts.history?.project ?? config.history?.project);
  const readiness: Readiness = {
    verdict,
    at: now.toISOString(),
    ...(git.commit ? { commit: git.commit } : {}),
    ...(git.branch ? { branch: git.branch } : {}),
    ...(project ? { project } : {}),
    items,
    sources,
    reasons,
  };
  const report: Report = { ...combined, exitCode: verdict === 'not-ready' ? 1 : 0, readiness };

  if (store) {
    try {
      opts.onProgress?.(`storing the run in ${store.location}…`);
      const runId = await store.record(runInput(report, project!, Math.round(performance.now() - t0)));
      await store.prune(project!, keep, now);
      const trend = await store.runs(project!, { limit: TREND_RUNS, environment });
      readiness.runId = runId;
      readiness.store = store.location;
      readiness.history = trend.reverse();
    } catch (e) {
      throw storeFailure(e);
    }
  }
  return { report };
}

const NOTES = {
  en: {
    noEnv: (env: string) => `no env file of ${env} and no variables: schema`,
    noProbe: 'no URL: give --url, probe.url in honban.yml, or --probe-facts FILE',
    noHost: 'no host facts: give --host-facts FILE, recorded with honban host --record',
  },
  ja: {
    noEnv: (env: string) => `${env} の env ファイルも variables: スキーマもありません`,
    noProbe: 'URL がありません: --url、honban.yml の probe.url、または --probe-facts FILE を指定してください',
    noHost: 'ホストの情報がありません: honban host --record で記録した --host-facts FILE を指定してください',
  },
};

/** The parts' reports joined into one: findings tagged with their source, counts recomputed. */
export function combine(parts: { source: FindingSource; report: Report }[], meta: { dir: string; environment: string; lang: Lang; failOn: FailOn; url?: string }): Omit<Report, 'readiness'> {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const errors: ReportError[] = [];
  const skipped = new Map<string, Report['skipped'][number]>();
  const rules = new Map<string, RuleSummary>();
  let scanned = 0;
  const extra: Record<string, unknown> = {};
  for (const { source, report } of [...parts].sort((a, b) => SOURCES.indexOf(a.source) - SOURCES.indexOf(b.source))) {
    for (const f of report.findings) {
      // The same finding from two parts (a .env file judged by scan and by env) is reported once.
      const k = `${f.ruleId}\0${f.file}\0${f.line ?? ''}\0${f.message}`;
      if (seen.has(k)) continue;
      seen.add(k);
      findings.push({ ...f, source });
    }
    for (const e of report.errors) errors.push({ ...e, source });
    // scan and env may both pass over one unreadable env file: listed once.
    for (const k of report.skipped ?? []) if (!skipped.has(k.path)) skipped.set(k.path, k);
    for (const r of report.rules) if (!rules.has(r.id)) rules.set(r.id, r);
    scanned += report.scanned;
    if (report.extra && source === 'probe') extra.probe = { grade: report.extra.grade, score: report.extra.score, headline: report.extra.headline };
    if (report.extra && source === 'host') extra.host = { mode: report.extra.mode, root: report.extra.root, gatheredAt: report.extra.gatheredAt, notChecked: report.extra.notChecked, headline: report.extra.headline };
  }
  const summary: Summary = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  const statusCounts: Record<FindingStatus, number> = { open: 0, suppressed: 0, waived: 0, baseline: 0 };
  for (const f of findings) {
    statusCounts[f.status]++;
    if (f.status === 'open') summary[f.severity]++;
  }
  return {
    schemaVersion: 1,
    tool: { name: 'honban', version: VERSION },
    command: 'check',
    target: meta.url ? [meta.dir, meta.url] : [meta.dir],
    environment: meta.environment,
    lang: meta.lang,
    failOn: meta.failOn,
    findings,
    summary,
    statusCounts,
    errors,
    skipped: [...skipped.values()],
    rules: [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    scanned,
    exitCode: 0,
    ...(Object.keys(extra).length ? { extra } : {}),
  };
}

/** What the store keeps of a checked report: counts, findings by fingerprint, item states. */
/** Files (or one rule on a file) the run could not judge: parse and read errors, failed rules. */
function unjudgedOf(report: Report): Unjudged[] {
  const seen = new Set<string>();
  const out: Unjudged[] = [];
  for (const e of report.errors) {
    if (!e.file || !['parse', 'read', 'rule', 'collector', 'limit'].includes(e.kind)) continue;
    const u: Unjudged = e.kind === 'rule' && e.ruleId ? { file: e.file, ruleId: e.ruleId } : { file: e.file };
    const k = `${u.file}\0${u.ruleId ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(u);
  }
  for (const k of report.skipped) {
    if (seen.has(`${k.path}\0`)) continue;
    seen.add(`${k.path}\0`);
    out.push({ file: k.path });
  }
  return out;
}

export function runInput(report: Report, project: string, durationMs?: number): RunInput {
  const r = report.readiness!;
  const occurrences = new Map<string, number>();
  const findings: StoredFinding[] = report.findings.map((f) => {
    const n = (occurrences.get(f.fingerprint) ?? 0) + 1;
    occurrences.set(f.fingerprint, n);
    return {
      key: n === 1 ? f.fingerprint : `${f.fingerprint}#${n}`,
      ruleId: f.ruleId,
      file: f.file,
      ...(f.line !== undefined ? { line: f.line } : {}),
      severity: f.severity,
      status: f.status,
      source: f.source ?? 'scan',
      message: f.message,
    };
  });
  return {
    project,
    at: r.at,
    ...(r.commit ? { commit: r.commit } : {}),
    ...(r.branch ? { branch: r.branch } : {}),
    environment: report.environment,
    verdict: r.verdict,
    failOn: report.failOn,
    summary: report.summary,
    statusCounts: report.statusCounts,
    sources: r.sources.filter((s) => s.ran).map((s) => s.source),
    failed: r.sources.filter((s) => s.failed).map((s) => s.source),
    unjudged: unjudgedOf(report),
    toolVersion: report.tool.version,
    durationMs,
    findings,
    items: r.items.map((i) => ({
      id: i.id,
      title: i.title,
      kind: i.kind,
      priority: i.priority,
      status: i.status,
      state: i.state,
      findings: i.findings,
      ...(i.owner ? { owner: i.owner } : {}),
      ...(i.due ? { due: i.due } : {}),
      ...(i.until ? { until: i.until } : {}),
    })),
  };
}
