import { ALL_RULES } from '../rules/index.js';
import { docsUrlOf } from '../rules/define.js';
import { ruleCommands, type Lang, type Rule, type Severity } from '../contracts/types.js';
import { emit, parse, resolveFormat, resolveLang, resolveSelection, SELECTION_OPTIONS } from './common.js';
import { existsSync } from 'node:fs';
import { findConfig, loadConfig } from '../config/load.js';
import { plural } from '../lib/i18n.js';
import { selects } from '../report/filter.js';
import { t } from '../report/text.js';
import { RULES_HELP } from './help.js';
import { rulesMarkdown } from '../commands/rules-md.js';
import { loadPluginRules } from '../engine/plugins.js';
import { noSuchConfig } from '../lib/user-errors.js';

export function rulesJson(lang: Lang | 'all', plugins: readonly Rule<any>[] = []) {
  const pluginIds = new Set(plugins.map((r) => r.id));
  return [...ALL_RULES, ...plugins].map((r) => ({
    id: r.id,
    severity: r.severity,
    command: ruleCommands(r)[0]!,
    commands: ruleCommands(r),
    environments: r.environments ?? 'all',
    scope: r.scope ?? 'target',
    facts: r.facts,
    title: lang === 'all' ? r.title : r.title[lang],
    description: lang === 'all' ? r.description : r.description[lang],
    fix: lang === 'all' ? r.fix : r.fix[lang],
    references: r.references ?? {},
    docsUrl: r.docsUrl ?? docsUrlOf(r.id),
    ...(pluginIds.has(r.id) ? { plugin: true } : {}),
  })).sort((a, b) => (a.id < b.id ? -1 : 1));
}

export async function rulesCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { format: { type: 'string', short: 'f' }, lang: { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' }, config: { type: 'string', short: 'c' }, ...SELECTION_OPTIONS }, 'rules');
  if (values.help) {
    await emit(RULES_HELP[resolveLang(values.lang)], undefined);
    return 0;
  }
  const format = resolveFormat(values.format, ['pretty', 'json', 'markdown']);
  // Custom rules of honban.yml `plugins:` are listed with honban's own.
  if (values.config && !existsSync(values.config)) throw noSuchConfig(values.config);
  const configFile = values.config ?? findConfig(process.cwd());
  const plugins = configFile ? ((await loadConfig(configFile, new Set(ALL_RULES.map((r) => r.id)), loadPluginRules)).pluginRules ?? []) : [];
  const sel = await resolveSelection(values, plugins.map((r) => r.id));
  const chosen = (r: { id: string; severity: Severity }) => selects(sel, r.id, r.severity);
  if (format === 'json') {
    // Both languages: a machine reader picks.
    await emit(JSON.stringify({ schemaVersion: 1, rules: rulesJson(values.lang ? resolveLang(values.lang) : 'all', plugins).filter(chosen) }, null, 2) + '\n', values.output);
    return 0;
  }
  const lang = resolveLang(values.lang);
  if (format === 'markdown') {
    await emit(rulesMarkdown(), values.output);
    return 0;
  }
  const s = t(lang);
  const label = LABELS[lang];
  const lines: string[] = [];
  const rules = rulesJson(lang, plugins).filter(chosen);
  for (const r of rules) {
    const envs = Array.isArray(r.environments) ? ` [${label.environments}: ${r.environments.join(', ')}]` : '';
    lines.push(`${r.id}  (${s.severity[r.severity]}, ${label.command}: ${r.commands.join(' + ')})${envs}${'plugin' in r ? ` [${label.plugin}]` : ''}`);
    lines.push(`  ${r.title}`);
    lines.push(`  ${r.description}`);
    lines.push(`  ${s.fix}: ${r.fix}`);
    lines.push(`  ${label.docs}: ${r.docsUrl}`);
    lines.push('');
  }
  lines.push(label.count(rules.length));
  await emit(lines.join('\n') + '\n', values.output);
  return 0;
}

const LABELS = {
  en: { environments: 'environments', command: 'command', docs: 'docs', plugin: 'plugin', count: (n: number) => plural(n, 'rule') },
  ja: { environments: '対象環境', command: 'コマンド', docs: 'ドキュメント', plugin: 'プラグイン', count: (n: number) => `ルール ${n} 件` },
};
