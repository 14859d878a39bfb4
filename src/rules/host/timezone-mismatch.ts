import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/timezone-mismatch',
  severity: 'low',
  command: 'host',
  facts: ['hostTime', 'hostSettings'],
  title: { en: 'The time zone is not the one the team expects', ja: 'タイムゾーンが想定と違う' },
  description: {
    en: 'honban.yml `host.timezone` names the zone the team reads logs and schedules cron jobs in (the checklist recommends JST). A server in another zone runs the 03:00 backup at noon and stamps logs that no one can line up with the incident timeline.',
    ja: 'honban.yml の `host.timezone` は、チームがログを読み cron を組むタイムゾーンです (チェックリストは JST を推奨)。別のゾーンのサーバーでは 03:00 のバックアップが昼に走り、障害の時系列と突き合わせられないログが残ります。',
  },
  fix: { en: 'Set it: `timedatectl set-timezone Asia/Tokyo` (or the zone in honban.yml), then restart cron and the application.', ja: '設定します: `timedatectl set-timezone Asia/Tokyo` (または honban.yml のゾーン)。その後 cron とアプリを再起動します。' },
  check(facts, ctx) {
    const want = facts.hostSettings[0]?.timezone;
    if (!want) return;
    for (const t of facts.hostTime) {
      const have = t.timezone ?? 'unknown';
      if (have === want) continue;
      ctx.report({ file: t.file, line: t.line, message: { en: `Time zone is ${have}, honban.yml expects ${want}`, ja: `タイムゾーンが ${have} です。honban.yml は ${want} を想定しています` } });
    }
  },
});
