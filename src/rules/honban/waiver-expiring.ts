import { defineRule } from '../define.js';

/**
 * Reported by the post-processing chain (src/post/waiver-notice.ts) for every command, not by a
 * check over facts: only the waiver step knows which waiver waived what in this run.
 */
export default defineRule({
  id: 'honban/waiver-expiring',
  severity: 'info',
  scope: 'all',
  facts: ['file'],
  title: {
    en: 'A waiver in use expires within 14 days',
    ja: '使用中の免除が 14 日以内に期限切れになる',
  },
  description: {
    en: 'A waiver in honban.yml accepts findings until its `until` day; after that they are open again and can fail the build without warning. honban announces every waiver that waives something in this run and ends within 14 days, so its owner can fix the findings or renew the decision in time.',
    ja: 'honban.yml の免除は `until` の日まで指摘を受け入れます。その日を過ぎると指摘は再び未対応になり、予告なくビルドを失敗させることがあります。この実行で何かを免除していて 14 日以内に期限が切れる免除を知らせるので、担当者は期限内に指摘を直すか、判断を更新できます。',
  },
  fix: {
    en: 'Fix the waived findings before the date, or extend `until` after the owner has reviewed the decision again.',
    ja: '期限までに免除している指摘を直すか、担当者が判断を見直したうえで `until` を延ばします。',
  },
  check() {
    // See the comment above: findings come from the waiver step.
  },
});
