import { checkValue } from '../../lib/env-spec.js';
import { defineRule } from '../define.js';
import { at, shown } from './_common.js';

export default defineRule({
  id: 'env/invalid-value',
  severity: 'high',
  command: 'env',
  facts: ['envVar'],
  title: {
    en: 'Variable value breaks its schema',
    ja: '環境変数の値がスキーマに合わない',
  },
  description: {
    en: 'The value does not satisfy the variable\'s schema in honban.yml (type, minLength / maxLength, min / max, pattern, URL schemes, enum values, equals) — or, without a schema, the type honban\'s catalog expects (DEBUG a boolean, PORT a port, DATABASE_URL a URL). Apps parse such values differently ("False" is truthy as a string) or fail at the first request.',
    ja: '値が honban.yml の変数スキーマ (type、minLength / maxLength、min / max、pattern、URL スキーム、enum の値、equals) を満たしていません。スキーマがない場合は honban のカタログが期待する型 (DEBUG は真偽値、PORT はポート番号、DATABASE_URL は URL など) に合っていません。アプリによって解釈が変わったり (文字列 "False" は真と評価される)、最初のリクエストで失敗したりします。',
  },
  fix: {
    en: 'Correct the value in the source shown (or the schema, if the schema is what is wrong).',
    ja: '表示されたソースで値を直してください (スキーマの方が誤っている場合はスキーマを直してください)。',
  },
  references: { cwe: ['CWE-1284'] },
  check(facts, ctx) {
    for (const v of facts.envVar) {
      if (!v.spec || v.unresolved.length || v.value.trim() === '') continue;
      const problems = checkValue(v.value, v.spec, { secret: v.secret });
      for (const p of problems) {
        const origin = v.spec.origin === 'catalog' ? { en: ' (expected by honban\'s catalog)', ja: ' (honban のカタログによる期待値)' } : { en: '', ja: '' };
        ctx.report({
          ...at(v),
          severity: v.spec.origin === 'catalog' ? 'medium' : undefined,
          message: { en: `${v.key} ${p.text.en}${shown(v)}${origin.en}`, ja: `${v.key} ${p.text.ja}${shown(v)}${origin.ja}` },
          secrets: v.secret ? [v.value, ...(typeof v.spec.equals === 'string' ? [v.spec.equals] : [])] : undefined,
          fingerprint: `${v.key} ${p.keyword}`,
        });
      }
    }
  },
});
