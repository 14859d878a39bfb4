import { defineRule } from '../define.js';

/**
 * Reported by the suppression step (src/post/directives.ts), ESLint's reportUnusedDisableDirectives:
 * only it knows which findings each directive covered in this run. A check over facts cannot.
 */
export default defineRule({
  id: 'honban/unused-ignore',
  severity: 'low',
  facts: ['file'],
  title: {
    en: 'Suppression comment that suppresses nothing',
    ja: '何も抑制していない抑制コメント',
  },
  description: {
    en: 'A `honban-ignore` comment for a rule that ran on this file found nothing to suppress on its line or the next. Either the problem was fixed and the comment is stale, or the comment sits on the wrong line: a stale exception silently hides the next real problem written there.',
    ja: 'このファイルを検査したルールの `honban-ignore` コメントが、その行と次の行に抑制する指摘を見つけませんでした。問題が直ってコメントが古くなったか、コメントの位置が違います。古い例外は、そこに次に書かれる本当の問題を黙って隠してしまいます。',
  },
  fix: {
    en: 'Remove the comment (or the rule id from it), or move it to the line before the finding.',
    ja: 'コメント (またはその中のルール ID) を削除するか、指摘の前の行に移します。',
  },
  check() {
    // See the comment above: findings come from the suppression step.
  },
});
