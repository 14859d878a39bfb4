import type { HostListener } from '../../facts/host.js';
import { defineRule } from '../define.js';

const WEB = /^(nginx|apache2|httpd|caddy|haproxy|envoy|traefik|varnishd|h2o|lighttpd)$/;

/** Process names (comm) an application server runs under. */
function runsAs(server: string | undefined, process: string): boolean {
  if (!server) return false;
  if (/^(gunicorn|uvicorn|hypercorn|daphne|waitress-serve|uwsgi|flask)$/.test(server)) return /^(python[\d.]*|gunicorn|uvicorn|hypercorn|daphne|waitress|uwsgi)/.test(process);
  if (/^(puma|unicorn|passenger|rails)$/.test(server)) return /^(ruby|puma|unicorn|rails|bundle|Passenger)/.test(process);
  if (/^(node|pm2-runtime|bun|deno)$/.test(server)) return /^(node|PM2|pm2|bun|deno)/.test(process);
  return process === server;
}

export default defineRule({
  id: 'host/unexpected-listener',
  severity: 'high',
  command: 'host',
  facts: ['hostListener', 'hostApp'],
  title: { en: 'An unexpected process owns a port the site depends on', ja: 'サイトが依存するポートを想定外のプロセスが使っている' },
  description: {
    en: 'The application\'s port should belong to the application\'s unit, and 80 / 443 to the web server. When another process holds one (seed 000: `Server: AirTunes` answered on port 5000 — macOS\'s AirPlay receiver), requests reach the wrong program: errors that look like the application\'s, or another service exposed under the site\'s name. Checked on the live system by socket ownership (`ss -ltnp` or /proc).',
    ja: 'アプリのポートはアプリのユニットが、80 / 443 は Web サーバーが持つべきです。別のプロセスが持っていると (seed 000: 5000 番で `Server: AirTunes`、macOS の AirPlay 受信機能が応答)、リクエストは別のプログラムに届き、アプリのものに見えるエラーや、サイト名で別サービスが公開される事態になります。ライブのシステムでソケットの所有者 (`ss -ltnp` または /proc) から確認します。',
  },
  fix: { en: 'Stop or move the other process (`ss -ltnp \'sport = :PORT\'` shows it), or bind the application to a free port and point nginx\'s proxy_pass at it.', ja: '別のプロセスを止めるか移し (`ss -ltnp \'sport = :ポート\'` で確認)、またはアプリを空いているポートにバインドして nginx の proxy_pass をそこへ向けます。' },
  check(facts, ctx) {
    const owner = (l: HostListener) => `${l.process ?? 'unknown'}${l.pid ? ` (pid ${l.pid}${l.unit ? `, ${l.unit}` : ''})` : ''}`;
    const report = (l: HostListener, want: { en: string; ja: string }) => ctx.report({ file: l.file, fingerprint: `${l.port} ${l.process ?? ''}`, message: { en: `Port ${l.port} is owned by ${owner(l)}, not ${want.en}`, ja: `ポート ${l.port} を使っているのは ${owner(l)} で、${want.ja}ではありません` } });
    const appPorts = new Map<number, string>();
    for (const app of facts.hostApp) for (const b of app.binds) if (b.port) appPorts.set(b.port, app.unit);
    for (const l of facts.hostListener) {
      if (l.pid === undefined) continue; // owner unknown (another namespace, not root): nothing to compare
      const unit = appPorts.get(l.port);
      if (unit) {
        const app = facts.hostApp.find((a) => a.unit === unit)!;
        const ok = l.unit ? l.unit === unit : l.process !== undefined && runsAs(app.server, l.process);
        if (!ok) report(l, { en: `the application's unit ${unit}`, ja: `アプリのユニット ${unit} ` });
      } else if ((l.port === 80 || l.port === 443) && l.process && !WEB.test(l.process)) {
        report(l, { en: 'the web server', ja: 'Web サーバー' });
      }
    }
  },
});
