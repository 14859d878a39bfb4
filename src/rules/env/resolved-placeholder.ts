import { isPlaceholder } from '../../lib/secrets.js';
import { parseBoolean } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { at, isSet } from './_common.js';

/** Words isPlaceholder treats as stand-ins that are legitimate settings of non-secret variables. */
const SETTING_WORDS = new Set(['none', 'null', 'nil', 'undefined', 'empty', 'n/a', 'na', 'default', 'test', 'testing', 'key', 'value', 'string', 'token', 'secret', 'password', 'redacted']);

export default defineRule({
  id: 'env/resolved-placeholder',
  severity: 'high',
  command: 'env',
  environments: ['production', 'staging'],
  facts: ['envVar'],
  title: {
    en: 'Variable still holds a placeholder',
    ja: '環境変数がプレースホルダーのまま',
  },
  description: {
    en: 'The value the environment resolves to is a template placeholder (`your_smtp_username`, `your_cloudsearch_endpoint`, `<bucket>`, `xxx`, `CHANGEME`, `TODO`): the feature that reads it (mail, search, social login …) cannot work in production. Secrets are judged by env/weak-secret-value.',
    ja: '解決された値がテンプレートのプレースホルダー (`your_smtp_username`、`your_cloudsearch_endpoint`、`<bucket>`、`xxx`、`CHANGEME`、`TODO` など) のままです。その値を読む機能 (メール送信、検索、SNS ログインなど) は本番で動きません。秘密値は env/weak-secret-value で判定します。',
  },
  fix: {
    en: 'Provide the real value for this environment before release.',
    ja: 'リリース前に、この環境の本物の値を設定してください。',
  },
  references: { cwe: ['CWE-1188'] },
  check(facts, ctx) {
    for (const v of facts.envVar) {
      if (v.secret || !isSet(v)) continue;
      const s = v.value.trim();
      if (SETTING_WORDS.has(s.toLowerCase()) || parseBoolean(s) !== undefined || /^[+-]?\d+(\.\d+)?$/.test(s)) continue;
      if (!isPlaceholder(s)) continue;
      ctx.report({
        ...at(v),
        message: { en: `${v.key} still holds a placeholder ("${s}") in ${ctx.environment}`, ja: `${ctx.environment} の ${v.key} がプレースホルダー (「${s}」) のままです` },
        fingerprint: `${v.key} placeholder`,
      });
    }
  },
});
