import { defineRule } from '../define.js';

/**
 * Reported by the suppression step (src/post/directives.ts), which knows every rule id of the run
 * (built-in and plugin rules).
 */
export default defineRule({
  id: 'honban/unknown-rule-in-ignore',
  severity: 'medium',
  scope: 'all',
  facts: ['file'],
  title: {
    en: 'Suppression comment names an unknown rule id',
    ja: '抑制コメントに存在しないルール ID がある',
  },
  description: {
    en: 'A `honban-ignore` comment names an id that no rule has, usually a typo (`docker/rot-user`). It suppresses nothing, so the finding it was meant for stays open — or, worse, the author believes a problem was reviewed when the comment never applied.',
    ja: '`honban-ignore` コメントに、どのルールにもない ID (多くは `docker/rot-user` のような打ち間違い) が書かれています。何も抑制しないので、対象のはずの指摘は未対応のまま残ります。さらに悪いことに、書いた人は確認済みだと思い込んでしまいます。',
  },
  fix: {
    en: 'Correct the id (`honban rules` lists them all), or remove it from the comment.',
    ja: 'ID を直すか (`honban rules` ですべて一覧できます)、コメントから削除します。',
  },
  check() {
    // See the comment above: findings come from the suppression step.
  },
});
