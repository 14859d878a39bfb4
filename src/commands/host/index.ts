/**
 * `honban host`: gather facts about a server (live, or offline under --root), or read recorded
 * ones (--facts), and judge them: the host/* rules over the host facts, plus the findings of the
 * scan rules on the deployed files. `judgeHostFacts()` and `loadHostFacts()` are what `honban check`
 * uses for `--host-facts FILE`.
 */
import { performance } from 'node:perf_hooks';
import type { HonbanConfig } from '../../contracts/config.js';
import type { FactStore } from '../../contracts/collector.js';
import { normalizeEnvName } from '../../lib/environment.js';
import { runPipeline, selectRules, type PipelineResult } from '../../engine/pipeline.js';
import type { FailOn, Lang, Localized, RawFinding, Rule, Skipped, SkipReason } from '../../contracts/types.js';
import type { HostFactName } from '../../facts/host.js';
import { deployedRuleSet, gather } from './gather.js';
import { loadHostFacts, makeRecord, saveRecord, type HostRecord } from './record.js';
import { settingsFact } from './settings.js';
import { liveView, rootView, type HostView } from './view.js';

export interface HostRunOptions {
  /** Offline: read the server's files under this directory. */
  root?: string;
  /** Judge a record written by --record instead of gathering. */
  facts?: string;
  /** Write the gathered facts here. */
  record?: string;
  domain?: string;
  environment?: string;
  lang?: Lang;
  failOn?: FailOn;
  config?: HonbanConfig;
  baseline?: string;
  writeBaseline?: string;
  rules?: Rule<any>[];
  now?: Date;
  onProgress?: (m: string) => void;
}

export interface NotChecked {
  ruleId: string;
  title: string;
  reason: string;
}

export interface HostResult extends PipelineResult {
  record: HostRecord;
  notChecked: NotChecked[];
}

/** Gathers a record (live or --root). */
export async function gatherHostFacts(opts: { root?: string; environment?: string; config?: HonbanConfig; domain?: string; now?: Date; onProgress?: (m: string) => void; /** Another fact interface (tests). */ view?: HostView } = {}): Promise<HostRecord> {
  const t0 = performance.now();
  const config = opts.config ?? {};
  const environment = normalizeEnvName(opts.environment ?? config.environment ?? 'production');
  const view = opts.view ?? (opts.root !== undefined ? rootView(opts.root) : liveView());
  const g = await gather(view, { environment, config, domain: opts.domain, now: opts.now, onProgress: opts.onProgress });
  const secrets: string[] = [];
  // Values of the deployed files never go into the record: register them so that nothing slips.
  const { parseDotenv } = await import('../../collect/dotenv-parse.js');
  const { isSecretName } = await import('../../lib/secrets.js');
  const { urlPassword } = await import('../../lib/url.js');
  for (const s of g.gathering.sources.values()) {
    if (s.kind !== 'dotenv') continue;
    for (const e of parseDotenv(s.content).entries) if (e.value && (isSecretName(e.key) || urlPassword(e.value))) secrets.push(e.value);
  }
  return makeRecord(
    {
      mode: view.live ? 'live' : 'root',
      root: opts.root ?? '/',
      gatheredAt: g.gatheredAt,
      environment,
      facts: g.gathering.facts as HostRecord['facts'],
      unavailable: g.gathering.missing,
      deployed: g.deployed,
      commands: g.gathering.commands,
      skipped: g.gathering.skipped,
      errors: g.gathering.errors,
      timing: { gatherMs: Math.round(performance.now() - t0) },
    },
    secrets,
  );
}

export interface JudgeOptions {
  environment?: string;
  lang?: Lang;
  failOn?: FailOn;
  config?: HonbanConfig;
  domain?: string;
  baseline?: string;
  writeBaseline?: string;
  rules?: Rule<any>[];
  now?: Date;
  /** Shown in the report's target (default: the record's root). */
  target?: string;
}

/**
 * Judges a record: host/* rules over its facts (with honban.yml's `host:` thresholds of this run),
 * plus its deployed findings; waivers and baselines applied; rules whose facts are unavailable are
 * listed as not checked (report.extra.notChecked), never passed and never findings.
 */
export async function judgeHostFacts(record: HostRecord, opts: JudgeOptions = {}): Promise<HostResult> {
  const config = opts.config ?? {};
  const environment = normalizeEnvName(opts.environment ?? record.environment ?? config.environment ?? 'production');
  const lang = opts.lang ?? config.lang ?? 'en';
  const all = opts.rules ?? (await (await import('../../rules/catalog.js')).loadDomains(['host']));
  const { rules: selected, severities, options } = selectRules(all, 'host', environment, config);
  const notChecked: NotChecked[] = [];
  const rules = selected.filter((r) => {
    const missing = (r.facts as string[]).find((f) => record.unavailable[f as HostFactName] || (f !== 'hostSettings' && record.facts[f as HostFactName] === undefined));
    if (!missing) return true;
    const why: Localized = record.unavailable[missing as HostFactName] ?? { en: `${missing} was not gathered`, ja: `${missing} は収集されていません` };
    notChecked.push({ ruleId: r.id, title: r.title[lang], reason: why[lang] });
    return false;
  });
  const facts: FactStore = {};
  for (const [k, v] of Object.entries(record.facts)) facts[k as HostFactName] = (v as FactStore[keyof FactStore]) ?? [];
  for (const list of Object.values(facts)) for (const f of list ?? []) f.environment = environment;
  facts.hostSettings = [settingsFact(config, environment, opts.domain)];
  // The deployed files' findings: honban.yml rules (off / severity) of this run apply to them too.
  const deployedRules = (await deployedRuleSet()).filter((r) => record.deployed.rules.includes(r.id));
  const { rules: keptDeployed, severities: deployedSev } = selectRules(deployedRules, 'scan', environment, config);
  const kept = new Set(keptDeployed.map((r) => r.id));
  const prejudged: RawFinding[] = record.deployed.findings
    .filter((f) => kept.has(f.ruleId))
    .map((f) => ({ ...f, status: f.status === 'suppressed' ? 'suppressed' : 'open', severity: deployedSev[f.ruleId] ?? f.severity }));
  const result = await runPipeline({
    command: 'host',
    target: [record.root],
    environment,
    lang,
    failOn: opts.failOn ?? config.failOn ?? 'high',
    config,
    rules,
    severities,
    options,
    facts,
    errors: [...record.errors, ...record.deployed.errors],
    baseline: opts.baseline,
    writeBaseline: opts.writeBaseline,
    scanned: record.deployed.files.length,
    now: opts.now ?? new Date(),
    prejudged: { findings: prejudged, rules: keptDeployed, ...(record.deployed.judged ? { judged: record.deployed.judged.filter((id) => kept.has(id)) } : {}) },
  });
  // Files the host view could not read: the Report's `skipped` list, like every command's.
  result.report.skipped = record.skipped.map(toSkipped);
  result.report.extra = {
    mode: record.mode,
    root: record.root,
    gatheredAt: record.gatheredAt,
    notChecked,
    commands: record.commands,
    deployedFiles: record.deployed.files.map((f) => f.path),
    timing: record.timing,
    headline: headline(record, notChecked, lang),
  };
  return { ...result, record, notChecked };
}

function headline(record: HostRecord, notChecked: NotChecked[], lang: Lang): string {
  const where = record.mode === 'live' ? (lang === 'ja' ? 'ライブ' : 'live') : `--root ${record.root}`;
  const n = notChecked.length;
  if (lang === 'ja') return `ホスト (${where}): ${record.deployed.files.length} 個のデプロイ済みファイル、${record.timing.gatherMs} ms${n ? `、未確認 ${n} 件（下記）` : ''}`;
  return `Host (${where}): ${record.deployed.files.length} deployed files, ${record.timing.gatherMs} ms${n ? `; ${n} checks not checked (listed above)` : ''}`;
}

/** `honban host`: gather (or load) and judge. */
export async function host(opts: HostRunOptions = {}): Promise<HostResult> {
  const record = opts.facts ? await loadHostFacts(opts.facts) : await gatherHostFacts({ root: opts.root, environment: opts.environment, config: opts.config, domain: opts.domain, now: opts.now, onProgress: opts.onProgress });
  if (opts.record) await saveRecord(opts.record, record);
  return judgeHostFacts(record, { environment: opts.environment, lang: opts.lang, failOn: opts.failOn, config: opts.config, domain: opts.domain, baseline: opts.baseline, writeBaseline: opts.writeBaseline, rules: opts.rules, now: opts.now });
}

export { loadHostFacts, parseRecord, HOST_FACTS_FORMAT, HOST_FACTS_VERSION, type HostRecord } from './record.js';

/** A host view's reason text (`not a regular file (fifo)`, `larger than …`, `permission denied`) as a Report skip entry. */
function toSkipped(s: { path: string; reason: string }): Skipped {
  const reason: SkipReason = /not a regular file|special/i.test(s.reason) ? 'special-file' : /larger than|too large/i.test(s.reason) ? 'too-large' : /link|loop/i.test(s.reason) ? 'symlink' : /binary|NUL/i.test(s.reason) ? 'binary' : /encod|decod/i.test(s.reason) ? 'encoding' : 'unreadable';
  return { path: s.path, reason, detail: s.reason };
}
