import type { Skipped } from './core/read.js';
import path from 'node:path';
import { environmentOverrides, findConfig, loadConfig, normalizeConfig, type HonbanConfig } from './config/load.js';
import { discover } from './core/discover.js';
import { collectFacts, neededFacts } from './core/engine.js';
import { classifyEnvironment, normalizeEnvName, type EnvironmentOverride } from './core/environment.js';
import { classifyKind } from './core/discover.js';
import { runPipeline, selectRules, type PipelineResult } from './core/pipeline.js';
import type { FailOn, FileKind, Lang, Rule, SourceFile } from './core/types.js';
import { ALL_RULES } from './rules/index.js';
import type { BaselineFile } from './post/baseline.js';

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
}

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

/** `honban scan`: reads a repository and judges it for the target environment. */
export async function scan(opts: ScanOptions = {}): Promise<PipelineResult> {
  const environment = normalizeEnvName(opts.environment ?? 'production');
  const paths = opts.paths?.length ? opts.paths : ['.'];
  const known = new Set(ALL_RULES.map((r) => r.id));
  let config: HonbanConfig;
  if (typeof opts.config === 'object') config = normalizeConfig(opts.config);
  else {
    const first = path.resolve(paths[0]!);
    const file = opts.config ?? (opts.files ? undefined : findConfig(first));
    config = await loadConfig(file, known);
  }
  const customEnvs = [environment, ...Object.keys(config.environments ?? {})];
  const overrides = environmentOverrides(config);
  opts.onProgress?.('discovering files…');
  const discovered = opts.files ? undefined : await discover(paths, { customEnvs, ignore: config.ignore, environments: overrides });
  const files = opts.files ? toSourceFiles(opts.files, customEnvs, overrides) : discovered!.files;
  const skipped = discovered?.skipped ?? opts.skipped ?? [];
  const { rules, severities, options } = selectRules(opts.rules ?? ALL_RULES, 'scan', environment, config);
  opts.onProgress?.(`parsing ${files.length} files…`);
  const { facts, errors, secrets } = await collectFacts(files, neededFacts(rules), { environment, customEnvs });
  // Files not read are facts too: a skipped file of the target environment is a finding.
  facts.skippedFile = skipped.map((s) => ({ file: s.path.replace(/\/$/, ''), environment: classifyEnvironment(s.path.replace(/\/$/, ''), customEnvs, overrides), reason: s.reason, ...(s.detail ? { detail: s.detail } : {}) }));
  opts.onProgress?.(`running ${rules.length} rules…`);
  const fileMap = new Map(files.map((f) => [f.path, { content: f.content, kind: f.kind }]));
  return runPipeline({
    command: 'scan',
    target: paths,
    environment,
    lang: opts.lang ?? 'en',
    failOn: opts.failOn ?? config.failOn ?? 'high',
    config,
    rules,
    severities,
    options,
    facts,
    files: fileMap,
    errors,
    secrets,
    baseline: opts.baseline,
    writeBaseline: opts.writeBaseline,
    scanned: files.length,
    skipped,
    now: opts.now,
  });
}
