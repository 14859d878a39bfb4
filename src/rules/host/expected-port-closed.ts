import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/expected-port-closed',
  severity: 'high',
  command: 'host',
  facts: ['hostListener', 'hostApp'],
  title: { en: 'Nothing listens on the application\'s port', ja: 'アプリのポートで何も待ち受けていない' },
  description: {
    en: 'The application\'s unit binds to a port (gunicorn `-b 127.0.0.1:8000`, MKS_GUNICORN_BIND) but no process listens there on the live system: nginx answers every request with 502 Bad Gateway (seed 001\'s troubleshooting: the upstream is not listening).',
    ja: 'アプリのユニットはポートにバインドする設定 (gunicorn `-b 127.0.0.1:8000`、MKS_GUNICORN_BIND) ですが、ライブのシステムでそこを待ち受けるプロセスがありません。nginx はすべてのリクエストに 502 Bad Gateway を返します (seed 001 のトラブルシューティング: upstream が待ち受けていない)。',
  },
  fix: { en: 'Start the service and read why it stopped: `systemctl status <unit>`, `journalctl -u <unit> -n 50`.', ja: 'サービスを起動し、停止した理由を確認します: `systemctl status <ユニット>`、`journalctl -u <ユニット> -n 50`。' },
  check(facts, ctx) {
    for (const app of facts.hostApp) {
      for (const b of app.binds) {
        if (!b.port || facts.hostListener.some((l) => l.port === b.port)) continue;
        ctx.report({ file: b.file, line: b.line, message: { en: `${app.unit} binds to ${b.host}:${b.port} but nothing listens on port ${b.port}: nginx answers 502`, ja: `${app.unit} は ${b.host}:${b.port} にバインドする設定ですが、ポート ${b.port} で何も待ち受けていません: nginx は 502 を返します` } });
      }
    }
  },
});
