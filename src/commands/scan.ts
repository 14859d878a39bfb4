import { statSync } from 'node:fs';
import path from 'node:path';
import { environmentOverrides, findConfig, loadConfig, normalizeConfig } from '../config/load.js';
import type { HonbanConfig } from '../contracts/config.js';
import type { CollectTools } from '../contracts/collector.js';
import type { NginxTestResult } from '../facts/nginx-test.js';
import type { FileFact } from '../facts/file.js';
import { discover } from '../engine/discover.js';
import { collectFacts, neededFacts } from '../engine/collect.js';
import { classifyEnvironment, normalizeEnvName, type EnvironmentOverride } from '../lib/environment.js';
import { classifyKind } from '../engine/discover.js';
import { runPipeline, selectRules, type PipelineResult } from '../engine/pipeline.js';
import type { FailOn, FileKind, Lang, Rule, Skipped, SourceFile } from '../contracts/types.js';
import { loadRulesOfCommand, RULE_IDS } from '../rules/catalog.js';
import type { BaselineFile } from '../engine/post/baseline.js';
import { plural } from '../lib/i18n.js';
import { loadPluginRules } from '../engine/plugins.js';
import { defaultCacheDir, FactCache } from '../engine/cache.js';
import type { CollectStats } from '../engine/collect-files.js';
import { defaultJobs } from '../engine/pool.js';

export interface ScanOptions {
  /** Files or directories (default: the current directory). */
  paths?: string[];
  /** Target environment (default production). */
  environment?: string;
  lang?: Lang;
  failOn?: FailOn;
  /** A honban.yml path, or a config object; default: honban.yml at the scanned root. */
  config?: string | HonbanConfig;
  baseline?: string | BaselineFile;
  writeBaseline?: string;
  /** Restrict to these rules (tests, `--rule`). */
  rules?: Rule<any>[];
  /** With in-memory files: files that discovery would have listed as not read (tests). */
  skipped?: Skipped[];
  /** In-memory files instead of discovery (tests, editors). */
  files?: { path: string; content: string; gitIgnored?: boolean; gitTracked?: boolean; mode?: number }[];
  now?: Date;
  /** Called with progress messages (the CLI shows them on a TTY). */
  onProgress?: (message: string) => void;
  /**
   * Worker threads that parse files. Default: the number of cores when scanning paths; 0 (this
   * thread, no time budget) for in-memory `files`.
   */
  jobs?: number;
  /** Parse every file, also those a collector's cheap check shows no rule can use (tests compare both ways). */
  parseEveryFile?: boolean;
  /** Time budget per file (parse and extraction), milliseconds; default 5000. */
  fileTimeoutMs?: number;
  /**
   * Fact cache directory, or false for none. Default: none for in-memory `files`; for paths,
   * `node_modules/.cache/honban` (when the scanned root has node_modules) or `.honban/cache`.
   */
  cache?: string | false;
  /**
   * `--nginx-test`: run the real `nginx -t` on a copy of each top-level nginx configuration (also
   * turned on by honban.yml `rules: { nginx/config-test-failed: { options: { run: true, nginx: PATH } } }`).
   */
  nginxTest?: boolean | { binary?: string };
  /** Called with one line per tool run (`nginx -t nginx.conf: ok (…)`): what was tested and what was substituted. */
  onNotice?: (line: string) => void;
}

/** The rule that judges `nginx -t` results; its options in honban.yml can also turn the run on. */
const NGINX_TEST_RULE = 'nginx/config-test-failed';

/** The opt-in tools of this scan, and the config with the flag's rule switched on (the flag wins over `off`). */
function toolsOf(opts: ScanOptions, config: HonbanConfig): { tools: CollectTools; config: HonbanConfig } {
  const setting = config.rules?.[NGINX_TEST_RULE];
  const options = setting && typeof setting === 'object' ? (setting.options ?? {}) : {};
  const flag = opts.nginxTest;
  if (!flag && options.run !== true) return { tools: {}, config };
  const binary = (typeof flag === 'object' ? flag.binary : undefined) ?? (typeof options.nginx === 'string' ? options.nginx : undefined);
  if (flag) {
    const base = setting && typeof setting === 'object' ? { ...setting } : typeof setting === 'string' && setting !== 'off' ? { severity: setting } : {};
    if (base.severity === 'off') delete base.severity;
    config = { ...config, rules: { ...config.rules, [NGINX_TEST_RULE]: base } };
  }
  return { tools: { nginxTest: binary ? { binary } : {} }, config };
}

/** How the last collection went (files parsed, answered by the cache, skipped, workers). */
export type { CollectStats } from '../engine/collect-files.js';

/** Turns in-memory files into SourceFiles as discovery would. */
export function toSourceFiles(files: NonNullable<ScanOptions['files']>, customEnvs: string[] = [], overrides: EnvironmentOverride[] = []): SourceFile[] {
  return files
    .map((f) => ({
      path: f.path,
      content: f.content,
      kind: (classifyKind(f.path, f.content) ?? 'text') as FileKind,
      environment: classifyEnvironment(f.path, customEnvs, overrides),
      gitIgnored: f.gitIgnored ?? false,
      gitTracked: f.gitTracked,
      mode: f.mode,
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

let lastStats: CollectStats | undefined;

/** Statistics of the last `scan()` in this process (benchmarks and tests: what was parsed, what came from the cache). */
export function lastCollectStats(): CollectStats | undefined {
  return lastStats;
}

/** The directory discovery will take as the root (one directory given: it; else the working directory). */
function scanRoot(paths: string[]): string {
  if (paths.length === 1) {
    try {
      if (statSync(paths[0]!).isDirectory()) return path.resolve(paths[0]!);
    } catch {
      // discovery reports it
    }
  }
  return process.cwd();
}

/** `honban scan`: reads a repository and judges it for the target environment. */
export async function scan(opts: ScanOptions = {}): Promise<PipelineResult> {
  const environment = normalizeEnvName(opts.environment ?? 'production');
  const paths = opts.paths?.length ? opts.paths : ['.'];
  const known = RULE_IDS;
  let config: HonbanConfig;
  if (typeof opts.config === 'object') config = normalizeConfig(opts.config);
  else {
    const first = path.resolve(paths[0]!);
    const file = opts.config ?? (opts.files ? undefined : findConfig(first));
    config = await loadConfig(file, known, loadPluginRules);
  }
  const tooling = toolsOf(opts, config);
  config = tooling.config;
  const customEnvs = [environment, ...Object.keys(config.environments ?? {})];
  const overrides = environmentOverrides(config);
  const ja = opts.lang === 'ja';
  opts.onProgress?.(ja ? 'ファイルを探しています…' : 'discovering files…');
  // The cache opens before discovery: its file index spares reading files that did not change.
  let cache: FactCache | undefined;
  const cacheDir = opts.cache === undefined ? (opts.files ? undefined : defaultCacheDir(scanRoot(paths))) : opts.cache || undefined;
  if (cacheDir) cache = FactCache.open({ dir: path.resolve(cacheDir) });
  const discovered = opts.files ? undefined : await discover(paths, { customEnvs, ignore: config.ignore, environments: overrides, index: cache?.files });
  const files: SourceFile[] = opts.files ? toSourceFiles(opts.files, customEnvs, overrides) : discovered!.files;
  const skipped = discovered?.skipped ?? opts.skipped ?? [];
  // An unchanged tree, configuration and day: the last result answers (no rule is loaded).
  const resultKey = cache ? lastResultKey(cache, opts, { environment, customEnvs, overrides, config, paths, root: discovered?.root, skipped }, files) : undefined;
  if (resultKey) {
    const hit = cache!.getResult<PipelineResult>(resultKey);
    if (hit && hit.report?.command === 'scan') {
      cache!.save();
      lastStats = { parsed: 0, cached: 0, skipped: 0, workers: 0, timeouts: 0, result: true };
      return hit;
    }
  }
  const all = opts.rules ?? [...(await loadRulesOfCommand('scan')), ...(config.pluginRules ?? [])];
  const { rules, severities, options } = selectRules(all, 'scan', environment, config);
  opts.onProgress?.(ja ? `${files.length} 個のファイルを解析しています…` : `parsing ${plural(files.length, 'file')}…`);
  const jobs = opts.jobs ?? (opts.files ? 0 : defaultJobs());
  const { facts, errors, secrets, stats } = await collectFacts(files, neededFacts(rules), {
    environment,
    customEnvs,
    jobs,
    tools: tooling.tools,
    budgetMs: opts.fileTimeoutMs,
    cache,
    exhaustive: opts.parseEveryFile,
  });
  cache?.save();
  lastStats = stats;
  for (const r of facts.nginxTest ?? []) {
    const t = r as NginxTestResult;
    opts.onNotice?.(`nginx -t ${t.file}: ${t.ok ? 'ok' : 'failed'}${t.notes.length ? ` (${t.notes.join('; ')})` : ''}`);
  }
  const directivesOf = new Map(((facts.file ?? []) as FileFact[]).map((f) => [f.file, f.directives]));
  // Files not read are facts too: a skipped file of the target environment is a finding.
  facts.skippedFile = skipped.map((s) => ({ file: s.path.replace(/\/$/, ''), environment: classifyEnvironment(s.path.replace(/\/$/, ''), customEnvs, overrides), reason: s.reason, ...(s.detail ? { detail: s.detail } : {}) }));
  opts.onProgress?.(ja ? `${rules.length} 個のルールを実行しています…` : `running ${plural(rules.length, 'rule')}…`);
  // Content is read on demand (a finding's line): a file the index knew unchanged is not read for this.
  // Texts are not held (discovery keeps none): the last ones read for findings' lines are.
  const recent = new Map<string, string>();
  const textOf = (f: SourceFile): string => {
    let t = recent.get(f.path);
    if (t === undefined) {
      t = f.content;
      recent.set(f.path, t);
      if (recent.size > 64) recent.delete(recent.keys().next().value!);
    }
    return t;
  };
  const fileMap = new Map(files.map((f) => [f.path, { get content() { return textOf(f); }, kind: f.kind, environment: f.environment, directives: directivesOf.get(f.path) }]));
  const result = await runPipeline({
    command: 'scan',
    target: paths,
    root: discovered?.root,
    environment,
    lang: opts.lang ?? 'en',
    failOn: opts.failOn ?? config.failOn ?? 'high',
    config,
    rules,
    severities,
    options,
    facts,
    files: fileMap,
    knownRuleIds: new Set([...RULE_IDS, ...[...(config.pluginRules ?? []), ...rules].map((r) => r.id)]),
    errors,
    secrets,
    baseline: opts.baseline,
    writeBaseline: opts.writeBaseline,
    scanned: files.length,
    skipped,
    now: opts.now,
  });
  // Kept without the secret values a finding carries for masking (the report is masked already).
  if (resultKey) cache!.setResult(resultKey, { ...result, findings: result.findings.map(({ secrets: _, ...f }) => f) });
  return result;
}

/**
 * The key of this scan's whole result, when it can be reused: not for plugin rules (their code is
 * not part of the build), a tool run (`--nginx-test`), a baseline read or written, or chosen rules.
 */
function lastResultKey(
  cache: FactCache,
  opts: ScanOptions,
  parts: { environment: string; customEnvs: string[]; overrides: EnvironmentOverride[]; config: HonbanConfig; paths: string[]; root?: string; skipped: Skipped[] },
  files: readonly SourceFile[],
): string | undefined {
  if (opts.files || opts.rules || opts.baseline !== undefined || opts.writeBaseline || opts.nginxTest || opts.parseEveryFile) return undefined;
  if (parts.config.pluginRules?.length || Object.keys(toolsOf(opts, parts.config).tools).length) return undefined;
  let config: string;
  try {
    config = JSON.stringify(parts.config);
  } catch {
    return undefined;
  }
  const day = (opts.now ?? new Date()).toISOString().slice(0, 10);
  return cache.resultKey(['scan', parts.environment, parts.customEnvs, parts.overrides, opts.lang ?? 'en', opts.failOn ?? null, config, parts.paths.map((p) => path.resolve(p)), parts.root ?? null, parts.skipped, day], files);
}
