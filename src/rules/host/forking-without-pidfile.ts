import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/forking-without-pidfile',
  severity: 'medium',
  command: 'host',
  facts: ['hostApp'],
  title: { en: 'Type=forking without PIDFile=', ja: 'PIDFile= のない Type=forking' },
  description: {
    en: 'With Type=forking the start command (e.g. `run_production.sh start` launching gunicorn with --daemon) exits and the real server keeps running in the background. Without PIDFile= systemd guesses the main process, and Restart=on-failure, `systemctl stop` and status can act on the wrong process or none at all.',
    ja: 'Type=forking では起動コマンド (例: gunicorn を --daemon で起動する `run_production.sh start`) が終了し、本体のサーバーはバックグラウンドで動き続けます。PIDFile= がないと systemd はメインプロセスを推測するしかなく、Restart=on-failure、`systemctl stop`、状態表示が別のプロセスに作用したり、何もしなかったりします。',
  },
  fix: { en: 'Prefer Type=simple (or notify) with the server in the foreground (`ExecStart=/srv/app/venv/bin/gunicorn …` without --daemon); if the script must fork, add `PIDFile=` with the path the server writes (gunicorn `--pid`).', ja: 'サーバーをフォアグラウンドで動かす Type=simple (または notify) にします (`ExecStart=/srv/app/venv/bin/gunicorn …`、--daemon なし)。スクリプトがフォークせざるを得ない場合は、サーバーが書くパス (gunicorn の `--pid`) を `PIDFile=` に指定します。' },
  check(facts, ctx) {
    for (const app of facts.hostApp) {
      if (app.type?.value !== 'forking' || app.pidFile) continue;
      ctx.report({ file: app.type.file ?? app.file, line: app.type.line, message: { en: `${app.unit} is Type=forking without PIDFile=: systemd cannot tell which process is the server`, ja: `${app.unit} は PIDFile= のない Type=forking です: systemd はどのプロセスがサーバーか判断できません` } });
    }
  },
});
