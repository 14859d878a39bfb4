import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/app-unit-missing',
  severity: 'low',
  command: 'host',
  facts: ['hostApp'],
  title: { en: 'No systemd unit runs the application', ja: 'アプリケーションを動かす systemd ユニットがない' },
  description: {
    en: 'honban found no local systemd service that starts an application server (gunicorn, uvicorn, puma, node …) and honban.yml names none (`host.appUnit`). An application started by hand (`./run_production.sh start`, nohup, screen) does not come back after a reboot or a crash, and the unit-level checks (user, restart, environment file) cannot run.',
    ja: 'アプリケーションサーバー (gunicorn、uvicorn、puma、node など) を起動するローカルの systemd サービスが見つからず、honban.yml も指定していません (`host.appUnit`)。手で起動したアプリ (`./run_production.sh start`、nohup、screen) は再起動やクラッシュのあと戻らず、ユニット単位の確認 (ユーザー、再起動、環境変数ファイル) もできません。',
  },
  fix: { en: 'Create /etc/systemd/system/<app>.service (User=, EnvironmentFile=, ExecStart= the server, Restart=on-failure, WantedBy=multi-user.target), `systemctl enable --now <app>`; or set `host.appUnit` in honban.yml.', ja: '/etc/systemd/system/<app>.service (User=、EnvironmentFile=、ExecStart= にサーバー、Restart=on-failure、WantedBy=multi-user.target) を作って `systemctl enable --now <app>` を実行するか、honban.yml に `host.appUnit` を設定します。' },
  check(facts, ctx) {
    if (facts.hostApp.length) return;
    ctx.report({ file: 'etc/systemd/system', fingerprint: 'no app unit', message: { en: 'No local systemd service starts an application server (set host.appUnit in honban.yml if it has another shape)', ja: 'アプリケーションサーバーを起動するローカルの systemd サービスがありません (形が違う場合は honban.yml の host.appUnit を設定してください)' } });
  },
});
