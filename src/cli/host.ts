import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { findConfig, loadConfig } from '../config/load.js';
import { UserError } from '../contracts/errors.js';
import { HOST_HELP } from './host-help.js';
import { emit, emitReport, parse, progress, resolveFailOn, resolveFormat, resolveLang, SHARED_OPTIONS } from './common.js';
import { L } from '../lib/i18n.js';
import { loadPluginRules } from '../engine/plugins.js';
import { noSuchConfig } from '../lib/user-errors.js';

const HOST_OPTIONS = {
  ...SHARED_OPTIONS,
  root: { type: 'string' },
  record: { type: 'string' },
  facts: { type: 'string' },
  domain: { type: 'string' },
} as const;

/** `honban host [--root DIR | --facts FILE] [options]` */
export async function hostCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, HOST_OPTIONS, 'host');
  if (values.help) {
    await emit(HOST_HELP[resolveLang(values.lang)], undefined);
    return 0;
  }
  if (positionals.length) throw new UserError(L(`honban host takes no positional argument ("${positionals[0]}"); use --root DIR for an offline tree`, `honban host は位置引数を取りません ("${positionals[0]}")。オフラインのツリーには --root DIR を使います`));
  if (values.root !== undefined && values.facts !== undefined) throw new UserError(L('give either --root DIR or --facts FILE, not both', '--root DIR と --facts FILE のどちらか一方だけを指定してください'));
  if (values.root !== undefined) {
    let ok = false;
    try {
      ok = statSync(values.root).isDirectory();
    } catch {
      /* reported below */
    }
    if (!ok) throw new UserError(L(`cannot read --root ${values.root}: not a directory`, `--root ${values.root} を読めません: ディレクトリではありません`));
  }
  if (values.config && !existsSync(values.config)) throw noSuchConfig(values.config);
  const configFile = values.config ?? findConfig(process.cwd());
  const known = configFile ? (await import('../rules/catalog.js')).RULE_IDS : undefined;
  const config = await loadConfig(configFile, known, loadPluginRules);
  const lang = resolveLang(values.lang, config.lang);
  const format = resolveFormat(values.format);
  const failOn = resolveFailOn(values['fail-on'], config.failOn);
  const { host } = await import('../commands/host/index.js');
  const { report } = await host({
    ...(values.root !== undefined ? { root: path.resolve(values.root) } : {}),
    ...(values.facts !== undefined ? { facts: values.facts } : {}),
    ...(values.record !== undefined ? { record: values.record } : {}),
    ...(values.domain !== undefined ? { domain: values.domain } : {}),
    environment: values.env ?? config.environment,
    lang,
    failOn,
    config,
    baseline: values.baseline,
    writeBaseline: values['write-baseline'],
    onProgress: progress(values.quiet),
  });
  return emitReport(report, format, values);
}
