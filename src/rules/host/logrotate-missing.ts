import { defineRule } from '../define.js';
import { patternCovers, patternCoversFile } from './_util.js';

export default defineRule({
  id: 'host/logrotate-missing',
  severity: 'low',
  command: 'host',
  facts: ['hostApp', 'hostLogrotate', 'hostNginxLog'],
  title: { en: 'The application\'s or nginx\'s logs are not rotated', ja: 'アプリまたは nginx のログがローテーションされていない' },
  description: {
    en: 'The checklist adds /etc/logrotate.d/<app> for /var/log/<app>/*.log (daily, 30 rotations, compressed), and nginx\'s logs need the same: the nginx package rotates /var/log/nginx/*.log, but an access_log or error_log written elsewhere (a site\'s own /var/log/<app>/nginx-access.log) is rotated by nothing. Without it the application\'s logs grow until the disk is full — on a small instance within weeks — and then the database and nginx stop writing too (seed 003: log rotation on a small instance).',
    ja: 'チェックリストは /var/log/<app>/*.log 用に /etc/logrotate.d/<app> を追加します (毎日、30 世代、圧縮)。nginx のログも同じです: nginx パッケージは /var/log/nginx/*.log をローテーションしますが、それ以外の場所に書く access_log や error_log (サイト独自の /var/log/<app>/nginx-access.log) は何もローテーションしません。これがないとアプリのログはディスクが満杯になるまで増え (小さなインスタンスなら数週間)、その後データベースや nginx も書き込めなくなります (seed 003: 小さなインスタンスのログローテーション)。',
  },
  fix: { en: 'Add /etc/logrotate.d/<app>: `/var/log/<app>/*.log { daily rotate 30 compress delaycompress missingok notifempty create 0640 <user> <group> }`; for nginx logs written outside /var/log/nginx add their pattern with `postrotate invoke-rc.d nginx rotate >/dev/null 2>&1 endscript` (nginx reopens its logs); check with `logrotate -d`.', ja: '/etc/logrotate.d/<app> を追加します: `/var/log/<app>/*.log { daily rotate 30 compress delaycompress missingok notifempty create 0640 <ユーザー> <グループ> }`。/var/log/nginx 以外に書く nginx のログはそのパターンに `postrotate invoke-rc.d nginx rotate >/dev/null 2>&1 endscript` を付けて追加します (nginx がログを開き直します)。`logrotate -d` で確認します。' },
  check(facts, ctx) {
    for (const app of facts.hostApp) {
      for (const d of app.dirs) {
        if (d.purpose !== 'log' || !d.exists) continue;
        if (facts.hostLogrotate.some((l) => l.patterns.some((p) => patternCovers(p, d.path)))) continue;
        ctx.report({ file: d.file, line: d.line, fingerprint: `logrotate ${d.rel}`, message: { en: `No logrotate rule covers ${d.path} (log directory of ${app.unit})`, ja: `${d.path} (${app.unit} のログディレクトリ) を対象とする logrotate の設定がありません` } });
      }
    }
    // nginx's own log files, from the configuration nginx.conf builds (or nginx's defaults).
    for (const l of facts.hostNginxLog) {
      if (facts.hostLogrotate.some((r) => r.patterns.some((p) => patternCoversFile(p, l.path)))) continue;
      const what = l.default ? `nginx's default ${l.directive}` : l.directive;
      // Where a relative path or a default came from: `nginx -V` (live), or the package's build (offline).
      const from = l.prefixFrom === 'nginx -V' ? { en: 'from nginx -V', ja: 'nginx -V による' } : l.prefixFrom ? { en: "from the distribution package's build", ja: 'ディストリビューションのパッケージのビルドによる' } : undefined;
      const via = !from ? { en: '', ja: '' } : l.prefix ? { en: `; relative to nginx's prefix ${l.prefix}, ${from.en}`, ja: `。nginx のプレフィックス ${l.prefix} からの相対パス、${from.ja}` } : { en: `, ${from.en}`, ja: `、${from.ja}` };
      ctx.report({ file: l.file, line: l.line, fingerprint: `logrotate ${l.path}`, message: { en: `No logrotate rule covers ${l.path} (${what}${via.en})`, ja: `${l.path} (nginx の${l.default ? '既定の ' : ' '}${l.directive}${via.ja}) を対象とする logrotate の設定がありません` } });
    }
  },
});
