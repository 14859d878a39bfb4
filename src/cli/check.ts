/**
 * `honban check [DIR]` and `honban check --init`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_NAMES, findConfig, loadConfig } from '../config/load.js';
import { UserError } from '../contracts/errors.js';
import { CHECK_HELP } from './check-help.js';
import { parseIntOption } from '../collect/probe/options.js';
import { ALL_RULES } from '../rules/index.js';
import { L } from '../lib/i18n.js';
import { readUserFileSync } from '../lib/read.js';
import { noSuchConfig, noSuchDirectory, noSuchFile, oneDirectory } from '../lib/user-errors.js';
import { emit, emitReport, parse, progress, resolveFailOn, resolveFormat, resolveLang, SHARED_OPTIONS } from './common.js';

const CHECK_OPTIONS = {
  ...SHARED_OPTIONS,
  init: { type: 'boolean' },
  url: { type: 'string' },
  'probe-facts': { type: 'string' },
  ca: { type: 'string' },
  insecure: { type: 'boolean' },
  header: { type: 'string', multiple: true, short: 'H' },
  timeout: { type: 'string' },
  'host-facts': { type: 'string' },
  'process-env': { type: 'boolean' },
  'secrets-dir': { type: 'string' },
  store: { type: 'string' },
  keep: { type: 'string' },
  project: { type: 'string' },
  'no-history': { type: 'boolean' },
} as const;

export async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, CHECK_OPTIONS, 'check');
  if (values.help) {
    await emit(CHECK_HELP[resolveLang(values.lang)], undefined);
    return 0;
  }
  if (positionals.length > 1) throw oneDirectory('honban check', positionals.length);
  const dirArg = positionals[0] ?? '.';
  if (values.init) return init(dirArg, values.config, values.lang, values.quiet);
  if (values.url && values['probe-facts']) throw new UserError(L('give either --url or --probe-facts FILE, not both', '--url と --probe-facts FILE のどちらか一方だけを指定してください'));
  for (const [flag, file] of [['--probe-facts', values['probe-facts']], ['--host-facts', values['host-facts']], ['--ca', values.ca], ['--secrets-dir', values['secrets-dir']]] as const) {
    if (file !== undefined && !existsSync(file)) throw noSuchFile(flag, file);
  }
  if (values['no-history'] && (values.store || values.keep)) throw new UserError(L('--no-history stores nothing: drop --store / --keep, or --no-history', '--no-history では何も保存しません: --store / --keep か --no-history のどちらかを外してください'));
  const dir = path.resolve(dirArg);
  if (!existsSync(dir)) throw noSuchDirectory(dirArg);
  if (values.config && !existsSync(values.config)) throw noSuchConfig(values.config);
  const configFile = values.config ?? findConfig(dir);
  const config = await loadConfig(configFile, new Set(ALL_RULES.map((r) => r.id)));
  const lang = resolveLang(values.lang, config.lang);
  const format = resolveFormat(values.format);
  const failOn = resolveFailOn(values['fail-on'], config.failOn);
  const { check } = await import('../commands/check/run.js');
  const { report } = await check({
    dir: dirArg,
    config,
    environment: values.env,
    lang,
    failOn,
    url: values.url,
    probeFacts: values['probe-facts'],
    probe: {
      caFile: values.ca,
      insecure: values.insecure,
      headers: values.header,
      timeoutMs: parseIntOption(values.timeout, '--timeout'),
    },
    hostFacts: values['host-facts'],
    processEnv: values['process-env'] ? { ...process.env } : undefined,
    secretsDir: values['secrets-dir'],
    baseline: values.baseline,
    writeBaseline: values['write-baseline'],
    history: values['no-history'] ? false : { store: values.store ?? (process.env.HONBAN_STORE || undefined), keep: values.keep, project: values.project },
    onProgress: progress(values.quiet),
  });
  return emitReport(report, format, values);
}

async function init(dirArg: string, configFlag: string | undefined, langFlag: string | undefined, quiet: boolean | undefined): Promise<number> {
  const dir = path.resolve(dirArg);
  if (!existsSync(dir)) throw noSuchDirectory(dirArg);
  const target = configFlag ?? findConfig(dir) ?? path.join(dir, CONFIG_NAMES[0]!);
  const existing = existsSync(target) ? readUserFileSync(target, L(`config ${target}`, `設定ファイル ${target}`)) : undefined;
  const { addStarterChecklist, InitError } = await import('../commands/check/init.js');
  let out;
  try {
    out = await addStarterChecklist(existing);
  } catch (e) {
    if (!(e instanceof InitError)) throw e;
    throw new UserError(L(`cannot add a checklist to ${target}: ${e.text.en}`, `${target} にチェックリストを追加できません: ${e.text.ja}`));
  }
  // What we write must load: validated like any honban.yml before it replaces the file.
  const { configProblems } = await import('../config/load.js');
  const YAML = await import('yaml');
  const problems = configProblems(YAML.parse(out.text) ?? {}, new Set(ALL_RULES.map((r) => r.id)));
  if (problems.length) {
    throw new UserError(
      L(`${target} would not be valid after adding the checklist: fix it first`, `チェックリストを追加すると ${target} が不正になります: 先に直してください`),
      problems.map((p) => L(`  ${p.where}: ${p.message.en}`, `  ${p.where}: ${p.message.ja}`)),
    );
  }
  try {
    writeFileSync(target, out.text);
  } catch (e) {
    throw new UserError(L(`cannot write ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, `${target} に書き込めません: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
  }
  const lang = resolveLang(langFlag);
  const rel = path.relative(process.cwd(), target) || target;
  const msg =
    lang === 'ja'
      ? `${rel}: チェックリストの項目 ${out.added.length} 件を追加しました${out.kept.length ? ` (既存の ${out.kept.length} 件はそのまま)` : ''}${out.added.length ? `: ${out.added.join(', ')}` : ''}\n`
      : `${rel}: added ${out.added.length} checklist item${out.added.length === 1 ? '' : 's'}${out.kept.length ? ` (${out.kept.length} already there, kept)` : ''}${out.added.length ? `: ${out.added.join(', ')}` : ''}\n`;
  if (!quiet) await emit(msg, undefined);
  return 0;
}
