import { defineRule } from '../define.js';
import { isLoopback } from './_util.js';

export default defineRule({
  id: 'host/app-bound-publicly',
  severity: 'medium',
  command: 'host',
  facts: ['hostApp'],
  title: { en: 'The application server binds to all addresses instead of 127.0.0.1', ja: 'アプリケーションサーバーが 127.0.0.1 ではなく全アドレスにバインドしている' },
  description: {
    en: 'Behind nginx the application server should listen on 127.0.0.1 (the checklist: `MKS_GUNICORN_BIND=127.0.0.1:8000`). Bound to 0.0.0.0 it answers directly from the network — plain HTTP, without nginx\'s TLS, headers, body-size limit or rate limiting — wherever the firewall lets the port through.',
    ja: 'nginx の背後ではアプリケーションサーバーは 127.0.0.1 で待ち受けるべきです (チェックリスト: `MKS_GUNICORN_BIND=127.0.0.1:8000`)。0.0.0.0 にバインドすると、ファイアウォールが通す限りネットワークから直接応答します。nginx の TLS、ヘッダー、ボディサイズ制限、レート制限のない平文 HTTP です。',
  },
  fix: { en: 'Bind to the loopback address (`-b 127.0.0.1:8000`, or a unix socket `-b unix:/run/app/app.sock`) and let nginx proxy to it.', ja: 'ループバックアドレス (`-b 127.0.0.1:8000`、または UNIX ソケット `-b unix:/run/app/app.sock`) にバインドし、nginx からプロキシします。' },
  references: { cwe: ['CWE-1327'] },
  check(facts, ctx) {
    for (const app of facts.hostApp) {
      for (const b of app.binds) {
        if (b.socket || isLoopback(b.host)) continue;
        const all = b.host === '0.0.0.0' || b.host === '::' || b.host === '';
        ctx.report({ file: b.file, line: b.line, severity: all ? undefined : 'low', message: { en: `${app.server ?? 'The application'} in ${app.unit} binds to ${b.host}${b.port ? `:${b.port}` : ''}${all ? ' (every address)' : ''}, not 127.0.0.1`, ja: `${app.unit} の ${app.server ?? 'アプリ'} が 127.0.0.1 ではなく ${b.host}${b.port ? `:${b.port}` : ''}${all ? ' (全アドレス)' : ''} にバインドしています` } });
      }
    }
  },
});
