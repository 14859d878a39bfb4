/**
 * Programmatic API of `honban env` / `honban diff` (for the package's public exports).
 */
import { readUserFileSync } from '../../lib/read.js';
import path from 'node:path';
import { findConfig, loadConfig } from '../../config/load.js';
import { type HonbanConfig } from '../../contracts/config.js';
import type { FailOn, Lang, Report } from '../../contracts/types.js';
import { RULE_IDS } from '../../rules/catalog.js';
import { L } from '../../lib/i18n.js';
import { diffEnvironments, type DiffResult } from './diff.js';
import { diskView } from '../../collect/env/fs.js';
import { resolveEnvName } from '../../collect/env/layers.js';
import { runEnv } from './run.js';
import { loadPluginRules } from '../../engine/plugins.js';

export type { DiffResult, DiffRow } from './diff.js';
export type { EnvVarFact, EnvSpecFact, EnvFileFact, EnvSecretFileFact, EnvTemplateKeyFact } from '../../facts/env.js';
export type { VarSpec, EffectiveSpec } from '../../contracts/config.js';

export interface EnvCheckOptions {
  /** Repository or deployment directory (default: the current directory). */
  dir?: string;
  /** Target environment (default: honban.yml `environment`, else production). */
  environment?: string;
  /** A honban.yml path or a config object (default: honban.yml in `dir`). */
  config?: string | HonbanConfig;
  /** The process environment to overlay (e.g. `process.env`); not used when omitted. */
  processEnv?: Record<string, string | undefined>;
  /** A directory of Docker secrets. */
  secretsDir?: string;
  lang?: Lang;
  failOn?: FailOn;
}

async function configOf(dir: string, config: EnvCheckOptions['config']): Promise<{ config: HonbanConfig; text?: string; display?: string }> {
  if (typeof config === 'object') return { config };
  const file = config ?? findConfig(dir);
  const loaded = await loadConfig(file, RULE_IDS, loadPluginRules);
  if (!file) return { config: loaded };
  const rel = path.relative(dir, path.resolve(file));
  return { config: loaded, text: readUserFileSync(file, L(`config ${file}`, `設定ファイル ${file}`)), display: rel && !rel.startsWith('..') ? rel.split(path.sep).join('/') : file };
}

/** Validates a target environment's variables; returns the Report (never containing a secret value). */
export async function checkEnv(opts: EnvCheckOptions = {}): Promise<Report> {
  const dir = path.resolve(opts.dir ?? '.');
  const { config, text, display } = await configOf(dir, opts.config);
  const { report } = await runEnv({
    view: diskView(dir),
    environment: resolveEnvName(opts.environment ?? config.environment ?? 'production', config),
    config,
    configText: text,
    configDisplay: display,
    processEnv: opts.processEnv,
    secretsDir: opts.secretsDir,
    lang: opts.lang,
    failOn: opts.failOn,
  });
  return report;
}

/** Compares two environments' variables (and tfvars); values of secrets are never included. */
export async function diffEnv(opts: { dir?: string; from: string; to: string; config?: string | HonbanConfig }): Promise<DiffResult> {
  const dir = path.resolve(opts.dir ?? '.');
  const { config } = await configOf(dir, opts.config);
  const { result } = await diffEnvironments({ view: diskView(dir), from: resolveEnvName(opts.from, config), to: resolveEnvName(opts.to, config), config });
  return result;
}
