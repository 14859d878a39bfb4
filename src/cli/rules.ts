import { ALL_RULES } from '../rules/index.js';
import { docsUrlOf } from '../rules/define.js';
import type { Lang, Severity } from '../core/types.js';
import { plural } from '../core/i18n.js';
import { selects } from '../report/filter.js';
import { t } from '../report/text.js';
import { emit, parse, resolveFormat, resolveLang, resolveSelection, SELECTION_OPTIONS } from './common.js';
import { RULES_HELP } from './help.js';
import { rulesMarkdown } from '../docs/rules-md.js';

export function rulesJson(lang: Lang | 'all') {
  return ALL_RULES.map((r) => ({
    id: r.id,
    severity: r.severity,
    command: r.command ?? 'scan',
    environments: r.environments ?? 'all',
    scope: r.scope ?? 'target',
    facts: r.facts,
    title: lang === 'all' ? r.title : r.title[lang],
    description: lang === 'all' ? r.description : r.description[lang],
    fix: lang === 'all' ? r.fix : r.fix[lang],
    references: r.references ?? {},
    docsUrl: docsUrlOf(r.id),
  })).sort((a, b) => (a.id < b.id ? -1 : 1));
}

export async function rulesCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { format: { type: 'string', short: 'f' }, lang: { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' }, ...SELECTION_OPTIONS }, 'rules');
  if (values.help) {
    await emit(RULES_HELP[resolveLang(values.lang)], undefined);
    return 0;
  }
  const format = resolveFormat(values.format, ['pretty', 'json', 'markdown']);
  const sel = await resolveSelection(values);
  const chosen = (r: { id: string; severity: Severity }) => selects(sel, r.id, r.severity);
  if (format === 'json') {
    // Both languages: a machine reader picks.
    await emit(JSON.stringify({ schemaVersion: 1, rules: rulesJson(values.lang ? resolveLang(values.lang) : 'all').filter(chosen) }, null, 2) + '\n', values.output);
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
  const rules = rulesJson(lang).filter(chosen);
  for (const r of rules) {
    const envs = Array.isArray(r.environments) ? ` [${label.environments}: ${r.environments.join(', ')}]` : '';
    lines.push(`${r.id}  (${s.severity[r.severity]}, ${label.command}: ${r.command})${envs}`);
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
  en: { environments: 'environments', command: 'command', docs: 'docs', count: (n: number) => plural(n, 'rule') },
  ja: { environments: '対象環境', command: 'コマンド', docs: 'ドキュメント', count: (n: number) => `ルール ${n} 件` },
};
