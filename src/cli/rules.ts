import { ALL_RULES } from '../rules/index.js';
import { docsUrlOf } from '../rules/define.js';
import { ruleCommands, type Lang } from '../contracts/types.js';
import { emit, parse, resolveFormat, resolveLang } from './common.js';
import { RULES_HELP } from './help.js';
import { rulesMarkdown } from '../commands/rules-md.js';

export function rulesJson(lang: Lang | 'all') {
  return ALL_RULES.map((r) => ({
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
    docsUrl: docsUrlOf(r.id),
  })).sort((a, b) => (a.id < b.id ? -1 : 1));
}

export async function rulesCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { format: { type: 'string', short: 'f' }, lang: { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } }, 'rules');
  if (values.help) {
    await emit(RULES_HELP, undefined);
    return 0;
  }
  const format = resolveFormat(values.format, ['pretty', 'json', 'markdown']);
  if (format === 'json') {
    // Both languages: a machine reader picks.
    await emit(JSON.stringify({ schemaVersion: 1, rules: rulesJson(values.lang ? resolveLang(values.lang) : 'all') }, null, 2) + '\n', values.output);
    return 0;
  }
  const lang = resolveLang(values.lang);
  if (format === 'markdown') {
    await emit(rulesMarkdown(), values.output);
    return 0;
  }
  const lines: string[] = [];
  const rules = rulesJson(lang);
  for (const r of rules) {
    const envs = Array.isArray(r.environments) ? ` [${r.environments.join(', ')}]` : '';
    lines.push(`${r.id}  (${r.severity}, ${ruleCommands(r).join(' + ')})${envs}`);
    lines.push(`  ${r.title}`);
    lines.push(`  ${r.description}`);
    lines.push(`  ${lang === 'ja' ? '対処' : 'fix'}: ${r.fix}`);
    lines.push('');
  }
  lines.push(lang === 'ja' ? `ルール ${rules.length} 件` : `${rules.length} rules`);
  await emit(lines.join('\n') + '\n', values.output);
  return 0;
}
