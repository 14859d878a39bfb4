import { defineRule } from '../define.js';

export default defineRule({
  id: 'honban/ignore-without-reason',
  severity: 'medium',
  scope: 'all',
  facts: ['file'],
  title: {
    en: 'Suppression comment without a reason',
    ja: '理由のない抑制コメント',
  },
  description: {
    en: 'An inline `honban-ignore` comment must say why the finding is acceptable, after `--`. Without a reason (or without a rule id) it suppresses nothing: reviewers cannot judge a silent exception, and a blanket one hides the next real problem.',
    ja: 'インライン抑制コメント `honban-ignore` には、`--` の後に指摘を許容できる理由を書く必要があります。理由（またはルール ID）がないコメントは何も抑制しません。理由のない例外はレビューで判断できず、包括的な抑制は次の本当の問題を隠してしまいます。',
  },
  fix: {
    en: 'Write the rule id and the reason: `# honban-ignore docker/root-user -- the base image drops privileges itself`.',
    ja: 'ルール ID と理由を書きます: `# honban-ignore docker/root-user -- ベースイメージ側で権限を落としている`。',
  },
  check(facts, ctx) {
    for (const f of facts.file) {
      for (const d of f.directives) {
        if (d.rules.length === 0) {
          ctx.report({
            file: f.file,
            line: d.line,
            column: d.column,
            message: {
              en: 'Suppression comment names no rule: write "honban-ignore <rule-id> -- <reason>"',
              ja: '抑制コメントにルール ID がありません: 「honban-ignore <rule-id> -- <理由>」と書いてください',
            },
          });
        } else if (!d.reason) {
          const ids = d.rules.join(',');
          ctx.report({
            file: f.file,
            line: d.line,
            column: d.column,
            message: {
              en: `Suppression comment for ${ids} has no reason: it suppresses nothing until "-- <why this is acceptable>" is added`,
              ja: `${ids} の抑制コメントに理由がありません: 「-- <許容できる理由>」を書くまで何も抑制しません`,
            },
          });
        }
      }
    }
  },
});
