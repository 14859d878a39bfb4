import { defineRule } from '../define.js';
import { patternCovers } from './_util.js';

export default defineRule({
  id: 'host/logrotate-missing',
  severity: 'low',
  command: 'host',
  facts: ['hostApp', 'hostLogrotate'],
  title: { en: 'The application\'s log directory is not rotated', ja: 'アプリのログディレクトリがローテーションされていない' },
  description: {
    en: 'The checklist adds /etc/logrotate.d/<app> for /var/log/<app>/*.log (daily, 30 rotations, compressed). Without it the application\'s logs grow until the disk is full — on a small instance within weeks — and then the database and nginx stop writing too (seed 003: log rotation on a small instance).',
    ja: 'チェックリストは /var/log/<app>/*.log 用に /etc/logrotate.d/<app> を追加します (毎日、30 世代、圧縮)。これがないとアプリのログはディスクが満杯になるまで増え (小さなインスタンスなら数週間)、その後データベースや nginx も書き込めなくなります (seed 003: 小さなインスタンスのログローテーション)。',
  },
  fix: { en: 'Add /etc/logrotate.d/<app>: `/var/log/<app>/*.log { daily rotate 30 compress delaycompress missingok notifempty create 0640 <user> <group> }`; check with `logrotate -d`.', ja: '/etc/logrotate.d/<app> を追加します: `/var/log/<app>/*.log { daily rotate 30 compress delaycompress missingok notifempty create 0640 <ユーザー> <グループ> }`。`logrotate -d` で確認します。' },
  check(facts, ctx) {
    for (const app of facts.hostApp) {
      for (const d of app.dirs) {
        if (d.purpose !== 'log' || !d.exists) continue;
        if (facts.hostLogrotate.some((l) => l.patterns.some((p) => patternCovers(p, d.path)))) continue;
        ctx.report({ file: d.file, line: d.line, fingerprint: `logrotate ${d.rel}`, message: { en: `No logrotate rule covers ${d.path} (log directory of ${app.unit})`, ja: `${d.path} (${app.unit} のログディレクトリ) を対象とする logrotate の設定がありません` } });
      }
    }
  },
});
