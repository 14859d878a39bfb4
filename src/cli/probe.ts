import { existsSync } from 'node:fs';
import { findConfig, loadConfig } from '../config/load.js';
import { UserError } from '../contracts/errors.js';
import { PROBE_HELP } from './probe-help.js';
import { parseIntOption } from '../collect/probe/options.js';
import { UNREACHABLE_RULES } from '../commands/probe/index.js';
import { emit, emitReport, parse, progress, resolveFailOn, resolveFormat, resolveLang, SHARED_OPTIONS } from './common.js';
import { L } from '../lib/i18n.js';
import { loadPluginRules } from '../engine/plugins.js';
import { noSuchConfig } from '../lib/user-errors.js';

const PROBE_OPTIONS = {
  ...SHARED_OPTIONS,
  'http-url': { type: 'string' },
  ca: { type: 'string' },
  insecure: { type: 'boolean' },
  header: { type: 'string', multiple: true, short: 'H' },
  cookie: { type: 'string', multiple: true, short: 'b' },
  'login-path': { type: 'string' },
  'health-path': { type: 'string' },
  'expect-server': { type: 'string' },
  timeout: { type: 'string' },
  load: { type: 'string' },
  concurrency: { type: 'string' },
  'save-facts': { type: 'string' },
  'from-facts': { type: 'string' },
} as const;

/** `honban probe URL [options]` */
export async function probeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, PROBE_OPTIONS, 'probe');
  if (values.help) {
    await emit(PROBE_HELP[resolveLang(values.lang)], undefined);
    return 0;
  }
  if (positionals.length > 1) throw new UserError(L(`honban probe takes one URL, not ${positionals.length} (see honban probe --help)`, `honban probe に指定できる URL は 1 つです (${positionals.length} 個指定されました。honban probe --help を参照)`));
  if (values.config && !existsSync(values.config)) throw noSuchConfig(values.config);
  const configFile = values.config ?? findConfig(process.cwd());
  // Rule ids in honban.yml are checked against every rule; loaded only when there is a config.
  const known = configFile ? (await import('../rules/catalog.js')).RULE_IDS : undefined;
  const config = await loadConfig(configFile, known, loadPluginRules);
  const defaults = (config.probe ?? {}) as { url?: string; httpUrl?: string; loginPath?: string; healthPath?: string; expectServer?: string; timeout?: number; headers?: string[] };
  const fromFacts = values['from-facts'];
  const url = positionals[0] ?? defaults.url;
  if (!url && !fromFacts) throw new UserError(L('honban probe needs a URL (or --from-facts FILE); see honban probe --help', 'honban probe には URL (または --from-facts FILE) が必要です。honban probe --help を参照'));
  if (fromFacts && positionals[0]) throw new UserError(L('give either a URL or --from-facts FILE, not both', 'URL と --from-facts FILE のどちらか一方だけを指定してください'));
  const lang = resolveLang(values.lang, config.lang);
  const format = resolveFormat(values.format);
  const failOn = resolveFailOn(values['fail-on'], config.failOn);
  const onProgress = progress(values.quiet);
  const { probe } = await import('../commands/probe/index.js');
  const { report } = await probe({
    ...(url ? { url } : {}),
    httpUrl: values['http-url'] ?? defaults.httpUrl,
    caFile: values.ca,
    insecure: values.insecure ?? false,
    headers: [...(defaults.headers ?? []), ...(values.header ?? [])],
    cookies: values.cookie ?? [],
    loginPath: values['login-path'] ?? defaults.loginPath,
    healthPath: values['health-path'] ?? defaults.healthPath,
    expectServer: values['expect-server'] ?? defaults.expectServer,
    timeoutMs: parseIntOption(values.timeout, '--timeout') ?? defaults.timeout,
    load: parseIntOption(values.load, '--load'),
    concurrency: parseIntOption(values.concurrency, '--concurrency'),
    saveFacts: values['save-facts'],
    fromFacts,
    environment: values.env ?? config.environment,
    lang,
    failOn,
    config,
    baseline: values.baseline,
    writeBaseline: values['write-baseline'],
    onProgress,
  });
  const code = await emitReport(report, format, values);
  // A site that does not answer at all could not be checked: exit 2 (DESIGN.md), not a verdict. The
  // report (with the finding that says why) is written all the same.
  if (code === 2) {
    const down = report.findings.find((f) => UNREACHABLE_RULES.has(f.ruleId));
    const msg = L(`${report.target[0]} could not be checked: ${down?.message ?? 'no answer'}`, `${report.target[0]} を検査できませんでした: ${down?.message ?? '応答がありません'}`);
    process.stderr.write(`honban: ${report.lang === 'ja' ? 'エラー' : 'error'}: ${msg[report.lang]}\n`);
  }
  return code;
}
