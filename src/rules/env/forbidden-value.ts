import { forbiddenMatch } from '../../lib/env-spec.js';
import { defineRule } from '../define.js';
import { at } from './_common.js';

export default defineRule({
  id: 'env/forbidden-value',
  severity: 'high',
  command: 'env',
  facts: ['envVar'],
  title: {
    en: 'Variable holds a forbidden value',
    ja: '環境変数が禁止された値になっている',
  },
  description: {
    en: 'The value is listed under `forbid` for the variable in honban.yml — typically a shipped default that must be changed before production (a confirmation phrase such as RUN_WORKER, a demo account, a sample bucket). honban\'s catalog also forbids the seed defaults it knows in production.',
    ja: '値が honban.yml の `forbid` に列挙されています。多くは本番前に必ず変更すべき出荷時の既定値です (RUN_WORKER のような確認フレーズ、デモ用アカウント、サンプルのバケット名など)。honban のカタログも、既知の既定値を本番では禁止しています。',
  },
  fix: {
    en: 'Replace the default with a value specific to this environment.',
    ja: '既定値を、この環境固有の値に置き換えてください。',
  },
  references: { cwe: ['CWE-1188', 'CWE-1392'] },
  check(facts, ctx) {
    for (const v of facts.envVar) {
      if (!v.spec?.forbid || v.unresolved.length) continue;
      const hit = forbiddenMatch(v.value, v.spec);
      if (hit === undefined) continue;
      const what = v.secret ? { en: '', ja: '' } : { en: ` "${String(hit)}"`, ja: ` 「${String(hit)}」` };
      ctx.report({
        ...at(v),
        message: {
          en: `${v.key} has the forbidden value${what.en} in ${ctx.environment}${v.spec.origin === 'catalog' ? ' (a known default, honban catalog)' : ''}`,
          ja: `${v.key} が ${ctx.environment} で禁止された値${what.ja}になっています${v.spec.origin === 'catalog' ? ' (既知の既定値。honban のカタログ)' : ''}`,
        },
        secrets: v.secret ? [v.value] : undefined,
        fingerprint: `${v.key} forbidden`,
      });
    }
  },
});
