import path from 'node:path';
import { findConfig, loadConfig } from '../config/load.js';
import { RULE_IDS } from '../rules/catalog.js';
import { scan } from '../commands/scan.js';
import { emit, emitReport, parse, progress, resolveFailOn, resolveFormat, resolveLang, SHARED_OPTIONS, warnDeprecations } from './common.js';
import { SCAN_HELP } from './help.js';
import { UserError } from '../contracts/errors.js';
import { existsSync } from 'node:fs';
import { L } from '../lib/i18n.js';
import { loadPluginRules } from '../engine/plugins.js';
import { noSuchConfig } from '../lib/user-errors.js';

export async function scanCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { ...SHARED_OPTIONS, 'nginx-test': { type: 'boolean' }, jobs: { type: 'string', short: 'j' }, 'file-timeout': { type: 'string' }, 'no-cache': { type: 'boolean' }, 'cache-location': { type: 'string' } },
    'scan',
  );
  if (values.help) {
    await emit(SCAN_HELP[resolveLang(values.lang)], undefined);
    return 0;
  }
  const paths = positionals.length ? positionals : ['.'];
  for (const p of paths) if (!existsSync(p)) throw new UserError(L(`cannot read ${p}: no such file or directory`, `${p} を読めません: ファイルもディレクトリもありません`));
  const configFile = values.config ?? findConfig(path.resolve(paths[0]!));
  if (values.config && !existsSync(values.config)) throw noSuchConfig(values.config);
  const config = await loadConfig(configFile, RULE_IDS, loadPluginRules);
  warnDeprecations(config, values.quiet);
  const lang = resolveLang(values.lang, config.lang);
  const format = resolveFormat(values.format);
  const failOn = resolveFailOn(values['fail-on'], config.failOn);
  const onProgress = progress(values.quiet);
  const jobs = values.jobs === undefined ? undefined : positiveInt(values.jobs, '--jobs');
  const fileTimeout = values['file-timeout'] === undefined ? undefined : positiveNumber(values['file-timeout'], '--file-timeout');
  if (values['no-cache'] && values['cache-location']) throw new UserError(L('give either --no-cache or --cache-location, not both', '--no-cache と --cache-location はどちらか一方だけを指定してください'));
  const { report } = await scan({
    paths,
    environment: values.env ?? config.environment,
    lang,
    failOn,
    config,
    baseline: values.baseline,
    writeBaseline: values['write-baseline'],
    onProgress,
    jobs,
    fileTimeoutMs: fileTimeout === undefined ? undefined : Math.round(fileTimeout * 1000),
    cache: values['no-cache'] ? false : values['cache-location'],
    // --nginx-test: the real `nginx -t` on a temporary copy of each top-level nginx configuration.
    nginxTest: values['nginx-test'] === true,
    onNotice: values.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
  });
  return emitReport(report, format, values);
}

function positiveInt(v: string, flag: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < 1) throw new UserError(L(`${flag} must be a whole number of at least 1, not "${v}"`, `${flag} は 1 以上の整数にしてください ("${v}" が指定されました)`));
  return n;
}

function positiveNumber(v: string, flag: string): number {
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0) || n > 86_400) throw new UserError(L(`${flag} must be a number of seconds above 0, not "${v}"`, `${flag} は 0 より大きい秒数にしてください ("${v}" が指定されました)`));
  return n;
}
