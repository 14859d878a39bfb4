/**
 * `honban env [init|snapshot|drift]` and `honban diff`.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_NAMES, findConfig, loadConfig } from '../config/load.js';
import { type HonbanConfig } from '../contracts/config.js';
import { UserError } from '../contracts/errors.js';
import type { Lang, Localized, SkipReason } from '../contracts/types.js';
import { readUserFileSync } from '../lib/read.js';
import { escapeControl } from '../report/escape.js';
import { skipReasonText } from '../report/text.js';
import { diffEnvironments, formatDiffJson, formatDiffMarkdown, formatDiffPretty, hasDifferences } from '../commands/env/diff.js';
import { formatExplain } from '../commands/env/explain.js';
import { diskView, type RepoView } from '../collect/env/fs.js';
import { DIFF_HELP, ENV_DRIFT_HELP, ENV_HELP, ENV_INIT_HELP, ENV_SNAPSHOT_HELP } from './env-help.js';
import { buildInitYaml, checkGenerated, contractReads, inferVariables } from '../commands/env/init.js';
import { resolveEnvName } from '../collect/env/layers.js';
import { resolveEnvironment } from '../collect/env/resolve.js';
import { runEnv } from '../commands/env/run.js';
import { sideSpec, type TfSideSpec } from '../commands/env/tfresources.js';
import { hasSchema } from '../config/variables.js';
import { computeDrift, formatDriftMarkdown, formatDriftPretty, formatSnapshotList, formatSnapshotTaken, readSnapshots, takeSnapshot } from '../commands/env/snapshot.js';
import { SecretMasker } from '../engine/post/mask.js';
import { classifyEnvironment } from '../lib/environment.js';
import { RULE_IDS } from '../rules/catalog.js';
import { assertEnvName, emit, emitReport, parse, resolveFailOn, resolveFormat, resolveLang, SHARED_OPTIONS, useColor, warnDeprecations } from './common.js';
import { L } from '../lib/i18n.js';
import { loadPluginRules } from '../engine/plugins.js';
import { noSuchConfig, noSuchDirectory, notADirectory, oneDirectory } from '../lib/user-errors.js';

const ENV_OPTIONS = {
  ...SHARED_OPTIONS,
  'process-env': { type: 'boolean' },
  'secrets-dir': { type: 'string' },
  explain: { type: 'boolean' },
  stdout: { type: 'boolean' },
  list: { type: 'boolean' },
  update: { type: 'boolean' },
} as const;

const SUBCOMMANDS = ['init', 'snapshot', 'drift'] as const;
type Sub = (typeof SUBCOMMANDS)[number] | 'check';

/** Options each sub-command accepts (beyond --help). */
const ALLOWED: Record<Sub, readonly string[]> = {
  check: ['env', 'lang', 'format', 'output', 'fail-on', 'config', 'baseline', 'write-baseline', 'quiet', 'process-env', 'secrets-dir', 'explain', 'rule', 'skip-rule', 'min-severity', 'sarif-root'],
  init: ['lang', 'config', 'stdout', 'quiet', 'output'],
  snapshot: ['env', 'lang', 'format', 'output', 'config', 'quiet', 'process-env', 'secrets-dir', 'list'],
  drift: ['env', 'lang', 'format', 'output', 'config', 'quiet', 'process-env', 'secrets-dir', 'update'],
};

const HELP: Record<Sub, Localized> = { check: ENV_HELP, init: ENV_INIT_HELP, snapshot: ENV_SNAPSHOT_HELP, drift: ENV_DRIFT_HELP };

interface Setup {
  dir: string;
  view: RepoView;
  config: HonbanConfig;
  configText?: string;
  configDisplay?: string;
  configFile?: string;
  lang: Lang;
}

async function setup(dirArg: string | undefined, configFlag: string | undefined, langFlag: string | undefined): Promise<Setup> {
  const dir = path.resolve(dirArg ?? '.');
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw noSuchDirectory(dirArg ?? '.');
  }
  if (!st.isDirectory()) throw notADirectory(dirArg ?? '.', 'honban env');
  if (configFlag && !existsSync(configFlag)) throw noSuchConfig(configFlag);
  const configFile = configFlag ?? findConfig(dir);
  const config = await loadConfig(configFile, RULE_IDS, loadPluginRules);
  warnDeprecations(config, false);
  let configText: string | undefined;
  let configDisplay: string | undefined;
  if (configFile) {
    configText = readUserFileSync(configFile, L(`config ${configFile}`, `設定ファイル ${configFile}`));
    const rel = path.relative(dir, path.resolve(configFile));
    configDisplay = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : configFile;
  }
  return { dir, view: diskView(dir), config, configText, configDisplay, configFile, lang: resolveLang(langFlag, config.lang) };
}

function checkOptions(sub: Sub, values: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || k === 'help') continue;
    if (!ALLOWED[sub].includes(k)) {
      const owner = (Object.keys(ALLOWED) as Sub[]).find((s) => s !== 'check' && ALLOWED[s].includes(k));
      const where = sub === 'check' ? 'honban env' : `honban env ${sub}`;
      throw new UserError(L(`--${k} is not an option of ${where}${owner && owner !== sub ? ` (it belongs to honban env ${owner})` : ''} (see ${where} --help)`, `--${k} は ${where} のオプションではありません${owner && owner !== sub ? ` (honban env ${owner} のオプションです)` : ''} (${where} --help を参照)`));
    }
  }
}

export async function envCommand(args: string[]): Promise<number> {
  let sub: Sub = 'check';
  let rest = args;
  if (args[0] && (SUBCOMMANDS as readonly string[]).includes(args[0])) {
    sub = args[0] as Sub;
    rest = args.slice(1);
  }
  const { values, positionals } = parse(rest, ENV_OPTIONS, sub === 'check' ? 'env' : `env ${sub}`);
  if (sub === 'check' && positionals[0] && (SUBCOMMANDS as readonly string[]).includes(positionals[0]) && !existsSync(positionals[0])) {
    // `honban env --env staging snapshot`: the sub-command after options.
    sub = positionals.shift() as Sub;
  }
  if (values.help) {
    await emit(HELP[sub][resolveLang(values.lang)], undefined);
    return 0;
  }
  checkOptions(sub, values as Record<string, unknown>);
  if (positionals.length > 1) throw oneDirectory('honban env', positionals.length);
  const s = await setup(positionals[0], values.config, values.lang);
  const environment = resolveEnvName(values.env ?? s.config.environment ?? 'production', s.config);
  const processEnv = values['process-env'] ? { ...process.env } : undefined;
  const secretsDir = values['secrets-dir'];
  if (secretsDir !== undefined && !existsSync(secretsDir)) throw new UserError(L(`cannot read --secrets-dir ${secretsDir}: no such directory`, `--secrets-dir ${secretsDir} を読めません: ディレクトリがありません`));

  switch (sub) {
    case 'check':
      return check(s, environment, values, processEnv, secretsDir);
    case 'init':
      return init(s, values);
    case 'snapshot':
      return snapshot(s, environment, values, processEnv, secretsDir);
    case 'drift':
      return drift(s, environment, values, processEnv, secretsDir);
  }
}

type Values = ReturnType<typeof parse<typeof ENV_OPTIONS>>['values'];

/**
 * An env file of the environment that exists but cannot be read (permission denied, a FIFO, too
 * large): the environment cannot be validated, whatever the other files say — the command fails
 * (exit 2) instead of passing the deploy gate.
 */
function assertReadable(res: { environment: string; unreadableEnvFiles: { path: string; reason: SkipReason; detail?: string }[] }, lang: Lang): void {
  const bad = res.unreadableEnvFiles;
  if (!bad.length) return;
  throw new UserError(
    L(
      `cannot validate ${res.environment}: ${bad.length === 1 ? 'an env file' : `${bad.length} env files`} of ${res.environment} cannot be read`,
      `${res.environment} を検証できません: ${res.environment} の env ファイル ${bad.length} 個を読めません`,
    ),
    bad.map((k) => `  ${escapeControl(k.path)}: ${skipReasonText(k, lang)}`),
  );
}

async function check(s: Setup, environment: string, values: Values, processEnv: Record<string, string | undefined> | undefined, secretsDir: string | undefined): Promise<number> {
  const format = resolveFormat(values.format);
  const failOn = resolveFailOn(values['fail-on'], s.config.failOn);
  const { report, resolution, explain } = await runEnv({
    view: s.view,
    environment,
    config: s.config,
    configText: s.configText,
    configDisplay: s.configDisplay,
    processEnv,
    secretsDir,
    lang: s.lang,
    failOn,
    baseline: values.baseline,
    writeBaseline: values['write-baseline'],
    explain: !!values.explain,
  });
  assertReadable(resolution, s.lang);
  if (!resolution.sources.length && !hasSchema(s.config)) {
    const where = path.relative(process.cwd(), s.dir) || '.';
    throw new UserError(
      L(
        `nothing to validate: no env file of ${environment} in ${where} (looked for .env, .env.${environment}, env/${environment}/*.env); ` +
          `pass --process-env or --secrets-dir, set environments.${environment}.files, or declare variables: in honban.yml`,
        `検証するものがありません: ${where} に ${environment} の env ファイルがありません (.env, .env.${environment}, env/${environment}/*.env を探しました)。` +
          `--process-env か --secrets-dir を指定するか、honban.yml に environments.${environment}.files か variables: を書いてください`,
      ),
    );
  }
  let prefix = '';
  if (format === 'pretty' && values.explain) {
    const masker = new SecretMasker();
    masker.add(resolution.secrets);
    prefix = formatExplain(masker.maskDeep(explain), environment, resolution.sources, s.lang, useColor(values.output));
  }
  return emitReport(report, format, values, prefix);
}

async function init(s: Setup, values: Values): Promise<number> {
  const { discover } = await import('../engine/discover.js');
  const customEnvs = Object.keys(s.config.environments ?? {});
  const { files } = await discover([s.dir], { customEnvs, ignore: s.config.ignore });
  const contract = await contractReads(files, customEnvs);
  // Last line of defence: nothing resolved as a secret may appear in what we add (the existing
  // declarations and comments of honban.yml are kept as they are).
  const masker = new SecretMasker();
  for (const env of new Set(['production', ...customEnvs])) {
    try {
      masker.add(resolveEnvironment({ view: s.view, environment: env, config: s.config, compareOthers: false }).secrets);
    } catch {
      // unreadable pieces are reported by honban env, not here
    }
  }
  const inferred = masker.maskDeep(inferVariables({ view: s.view, config: s.config, reads: contract.reads, platform: contract.platform }));
  const sources = [contract.available ? `code reads (${contract.reads.length})` : 'code reads (env contract not available)', 'templates (.env.example …)', 'env files', 'honban catalog'];
  const target = s.configFile ?? path.join(s.dir, CONFIG_NAMES[0]!);
  const existing = values.stdout || !existsSync(target) ? undefined : readUserFileSync(target, target);
  const out = await buildInitYaml(inferred, existing, { stdoutOnly: !!values.stdout, now: new Date(), sources });
  const problems = await checkGenerated(out.text);
  if (problems.length) throw new Error(`generated configuration is invalid: ${problems.join('; ')}`);
  const text = out.text;
  if (values.stdout) {
    await emit(text, values.output);
    return 0;
  }
  try {
    writeFileSync(target, text);
  } catch (e) {
    throw new UserError(L(`cannot write ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, `${target} に書き込めません: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
  }
  const rel = path.relative(process.cwd(), target) || target;
  const msg =
    s.lang === 'ja'
      ? `${rel}: 変数 ${out.added.length} 件を追加しました${out.kept.length ? ` (宣言済み ${out.kept.length} 件はそのまま)` : ''}${out.added.length ? `: ${out.added.join(', ')}` : ''}\n`
      : `${rel}: added ${out.added.length} variable${out.added.length === 1 ? '' : 's'}${out.kept.length ? ` (${out.kept.length} already declared, kept as they are)` : ''}${out.added.length ? `: ${out.added.join(', ')}` : ''}\n`;
  if (!values.quiet) await emit(msg, values.output);
  return 0;
}

async function snapshot(s: Setup, environment: string, values: Values, processEnv: Record<string, string | undefined> | undefined, secretsDir: string | undefined): Promise<number> {
  const format = resolveFormat(values.format, ['pretty', 'json']);
  if (values.list) {
    const file = readSnapshots(s.dir);
    const list = { ...file, snapshots: file.snapshots.filter((x) => !values.env || x.environment === environment) };
    await emit(format === 'json' ? JSON.stringify(list, null, 2) + '\n' : formatSnapshotList(file, values.env ? environment : undefined, s.lang), values.output);
    return 0;
  }
  const res = resolveEnvironment({ view: s.view, environment, config: s.config, processEnv, secretsDir, compareOthers: false });
  assertReadable(res, s.lang);
  const { snapshot: snap, previous, kept } = takeSnapshot(s.dir, res);
  // Masked as data (never the rendered text, whose keys a weak secret could match).
  const masker = new SecretMasker();
  masker.add(res.secrets);
  const shown = masker.maskDeep({ snapshot: snap, previous: previous ? { timestamp: previous.timestamp, digest: previous.digest } : null, kept });
  const text = format === 'json' ? JSON.stringify(shown, null, 2) + '\n' : formatSnapshotTaken(shown.snapshot, previous, shown.kept, s.lang);
  await emit(text, values.output);
  return 0;
}

async function drift(s: Setup, environment: string, values: Values, processEnv: Record<string, string | undefined> | undefined, secretsDir: string | undefined): Promise<number> {
  const format = resolveFormat(values.format, ['pretty', 'json', 'markdown']);
  const res = resolveEnvironment({ view: s.view, environment, config: s.config, processEnv, secretsDir, compareOthers: false });
  assertReadable(res, s.lang);
  const raw = computeDrift(s.dir, res);
  if (values.update) takeSnapshot(s.dir, res);
  const masker = new SecretMasker();
  masker.add(res.secrets);
  const d = masker.maskDeep(raw);
  const text = format === 'json' ? JSON.stringify(d, null, 2) + '\n' : format === 'markdown' ? formatDriftMarkdown(d, s.lang) : formatDriftPretty(d, s.lang, useColor(values.output));
  await emit(text, values.output);
  return d.drift ? 1 : 0;
}

const DIFF_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  'changed-only': { type: 'boolean' },
  'exit-code': { type: 'boolean' },
  format: SHARED_OPTIONS.format,
  output: SHARED_OPTIONS.output,
  config: SHARED_OPTIONS.config,
  lang: SHARED_OPTIONS.lang,
  quiet: SHARED_OPTIONS.quiet,
  help: SHARED_OPTIONS.help,
} as const;

export async function diffCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, DIFF_OPTIONS, 'diff');
  if (values.help) {
    await emit(DIFF_HELP[resolveLang(values.lang)], undefined);
    return 0;
  }
  if (values.from === undefined || values.to === undefined) throw new UserError(L('honban diff needs --from ENV and --to ENV (see honban diff --help)', 'honban diff には --from ENV と --to ENV が必要です (honban diff --help を参照)'));
  if (positionals.length > 1) throw oneDirectory('honban diff', positionals.length);
  const format = resolveFormat(values.format, ['pretty', 'json', 'markdown']);
  const s = await setup(positionals[0], values.config, values.lang);
  // A side is an environment, or a Terraform root directory / tfvars file of the repository.
  // sideSpec takes only relative paths inside DIR naming a directory with .tf files or an existing
  // tfvars file; anything else must be an environment name.
  const sideOf = (flag: string, v: string): TfSideSpec => {
    if (/[\u0000-\u001f\u007f]/.test(v)) assertEnvName(flag, v);
    const side = sideSpec(v, s.view, s.config);
    if (side.kind === 'env') assertEnvName(flag, v);
    return side;
  };
  const fromSide = sideOf('from', values.from);
  const toSide = sideOf('to', values.to);
  const name = (side: TfSideSpec) => (side.kind === 'env' ? side.env : side.kind === 'root' ? side.dir : side.file);
  const from = name(fromSide);
  const to = name(toSide);
  if (from === to) {
    const what = fromSide.kind === 'env' ? L('environment', '環境') : fromSide.kind === 'root' ? L('Terraform root', 'Terraform ルート') : L('tfvars file', 'tfvars ファイル');
    throw new UserError(L(`--from and --to name the same ${what.en} (${from})`, `--from と --to が同じ${what.ja} (${from}) です`));
  }
  const tf = fromSide.kind !== 'env' || toSide.kind !== 'env';
  // The result is masked as data by diffEnvironments; the rendered text is not masked again (a weak
  // secret such as `value` would otherwise mask the JSON keys).
  const { result, resolutions } = await diffEnvironments({ view: s.view, from, to, config: s.config, ...(tf ? { fromSide, toSide } : {}) });
  for (const r of resolutions) assertReadable(r, s.lang);
  // Comparing with an environment that does not exist would list every key as "only in" the other.
  for (const [flag, side, env, files] of [['--from', fromSide, from, [...result.sources.from, ...(result.tfvars?.files.from ?? [])]], ['--to', toSide, to, [...result.sources.to, ...(result.tfvars?.files.to ?? [])]]] as const) {
    if (side.kind !== 'env') continue;
    const custom = Object.keys(s.config.environments ?? {});
    if (s.config.environments?.[env] || files.some((f) => classifyEnvironment(f.replace(/\/$/, '/x'), [env, ...custom]) === env)) continue;
    const where = path.relative(process.cwd(), s.dir) || '.';
    throw new UserError(
      L(
        `${flag} ${env}: no such environment in ${where} (no .env.${env}, env/${env}/*.env or ${env} *.tfvars, and honban.yml declares no environments.${env})`,
        `${flag} ${env}: ${where} にそのような環境はありません (.env.${env}、env/${env}/*.env、${env} の *.tfvars がなく、honban.yml にも environments.${env} がありません)`,
      ),
    );
  }
  const all = !values['changed-only'];
  const text =
    format === 'json' ? formatDiffJson(result) : format === 'markdown' ? formatDiffMarkdown(result, s.lang, { all }) : formatDiffPretty(result, s.lang, { all, color: useColor(values.output) });
  await emit(text, values.output);
  return values['exit-code'] && hasDifferences(result) ? 1 : 0;
}
