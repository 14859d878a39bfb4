/**
 * `honban env`: resolve the target environment, turn it into facts, run the `env` rules through the
 * shared pipeline (suppress / waive / baseline / mask / dedupe / sort) and return the Report.
 */
import path from 'node:path';
import type { HonbanConfig } from '../../contracts/config.js';
import { runPipeline, selectRules } from '../../engine/pipeline.js';
import type { FactStore } from '../../contracts/collector.js';
import type { BaseFact } from '../../contracts/collector.js';
import type { EnvName, FailOn, FileKind, Lang, Report, Rule } from '../../contracts/types.js';
import { loadRulesOfCommand } from '../../rules/catalog.js';
import type { BaselineFile } from '../../engine/post/baseline.js';
import type { RepoView } from '../../collect/env/fs.js';
import { explainRows, type ExplainRow } from './explain.js';
import { resolveEnvironment, type Resolution } from '../../collect/env/resolve.js';
import { schemaPositions } from '../../config/variables.js';

export interface EnvRunOptions {
  view: RepoView;
  environment: EnvName;
  config: HonbanConfig;
  /** honban.yml: its text (for declaration lines and inline suppressions) and how to show its path. */
  configText?: string;
  configDisplay?: string;
  processEnv?: Record<string, string | undefined>;
  secretsDir?: string;
  lang?: Lang;
  failOn?: FailOn;
  baseline?: string | BaselineFile;
  writeBaseline?: string;
  /** Restrict to these rules (tests). */
  rules?: Rule<any>[];
  /** Put the per-key resolution (no secret values) into `report.extra.resolution`. */
  explain?: boolean;
  now?: Date;
}

export interface EnvRunResult {
  report: Report;
  /** Rules that had something to judge. */
  judged: string[];
  resolution: Resolution;
  explain: ExplainRow[];
}

/** Turns a resolution into the facts the `env` rules declare. */
export function envFacts(res: Resolution): FactStore {
  return {
    envVar: [...res.vars.values()] as unknown as BaseFact[],
    envSpec: res.specs as unknown as BaseFact[],
    envFile: res.envFiles as unknown as BaseFact[],
    envSecretFile: res.secretFiles as unknown as BaseFact[],
    envTemplateKey: res.templateKeys as unknown as BaseFact[],
  };
}

export async function runEnv(opts: EnvRunOptions): Promise<EnvRunResult> {
  const positions = await schemaPositions(opts.configDisplay, opts.configText, opts.configDisplay);
  const resolution = resolveEnvironment({
    view: opts.view,
    environment: opts.environment,
    config: opts.config,
    processEnv: opts.processEnv,
    secretsDir: opts.secretsDir,
    positions,
  });
  const { rules, severities, options } = selectRules(opts.rules ?? [...(await loadRulesOfCommand('env')), ...(opts.config.pluginRules ?? [])], 'env', opts.environment, opts.config);
  const files = new Map<string, { content: string; kind: FileKind }>();
  for (const [f, content] of resolution.contents) files.set(f, { content, kind: 'dotenv' });
  if (opts.configDisplay && opts.configText !== undefined) files.set(opts.configDisplay, { content: opts.configText, kind: 'yaml' });
  const explain = explainRows(resolution);
  const { report, judged } = await runPipeline({
    command: 'env',
    target: [displayRoot(opts.view.root)],
    ...(path.isAbsolute(opts.view.root) ? { root: opts.view.root } : {}),
    environment: opts.environment,
    lang: opts.lang ?? 'en',
    failOn: opts.failOn ?? opts.config.failOn ?? 'high',
    config: opts.config,
    rules,
    severities,
    options,
    facts: envFacts(resolution),
    files,
    errors: resolution.errors,
    secrets: resolution.secrets,
    baseline: opts.baseline,
    writeBaseline: opts.writeBaseline,
    scanned: resolution.vars.size,
    skipped: resolution.skipped,
    now: opts.now,
    extra: {
      generatedAt: (opts.now ?? new Date()).toISOString(),
      sources: resolution.sources,
      ...(opts.explain ? { resolution: explain } : {}),
    },
  });
  return { report, judged, resolution, explain };
}

function displayRoot(root: string): string {
  const rel = path.relative(process.cwd(), root);
  return rel === '' ? '.' : rel.startsWith('..') ? root : rel;
}
