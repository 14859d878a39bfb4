import { defineRule } from '../define.js';
import { byRole, hdr, mainPage } from '../../facts/probe-queries.js';

const DEV_SERVERS: [RegExp, { en: string; ja: string }][] = [
  [/\bWerkzeug\/[\d.]+/i, { en: "Werkzeug's development server (flask run / app.run)", ja: 'Werkzeug の開発用サーバー（flask run / app.run）' }],
  [/\bWSGIServer\/[\d.]+.*\bCPython\/[\d.]+/i, { en: 'the wsgiref development server (Django runserver)', ja: 'wsgiref の開発用サーバー（Django の runserver）' }],
  [/\bWEBrick\b/i, { en: 'WEBrick (rails server in development)', ja: 'WEBrick（開発用の rails server）' }],
  [/\b(SimpleHTTP|BaseHTTP)\/[\d.]+/i, { en: "Python's http.server (python -m http.server)", ja: 'Python の http.server（python -m http.server）' }],
  [/Development Server/i, { en: 'a development server', ja: '開発用サーバー' }],
];

export default defineRule({
  id: 'server/development-server',
  command: 'probe',
  severity: 'high',
  facts: ['probeResponse'],
  title: { en: 'Development server answers in production', ja: '本番で開発用サーバーが応答している' },
  description: {
    en: 'The Server header names a development server (Werkzeug, Django runserver, WEBrick, python -m http.server). These serve one request at a time or close to it, are not hardened, and often come with the debugger switched on. Production runs gunicorn / uWSGI / puma behind nginx.',
    ja: 'Server ヘッダーが開発用サーバー（Werkzeug、Django の runserver、WEBrick、python -m http.server）を示しています。これらはほぼ一度に一つのリクエストしか処理できず、堅牢化されておらず、デバッガが有効なまま動いていることも多いです。本番では nginx の背後で gunicorn / uWSGI / puma などを使います。',
  },
  fix: {
    en: 'Run the application with a production server — `gunicorn -w 3 -b 127.0.0.1:8000 app:app` (Flask / Django), `puma` (Rails) — managed by systemd, with nginx in front (proxy_pass http://127.0.0.1:8000).',
    ja: '本番用サーバーでアプリケーションを動かしてください。Flask / Django なら `gunicorn -w 3 -b 127.0.0.1:8000 app:app`、Rails なら `puma` を systemd で管理し、前段に nginx（proxy_pass http://127.0.0.1:8000）を置きます。',
  },
  references: { cwe: ['CWE-489'], equivalents: ['seed S0.14'] },
  check(facts, ctx) {
    const pages = [mainPage(facts.probeResponse), ...byRole(facts.probeResponse, 'not-found'), ...byRole(facts.probeResponse, 'health')].filter((r) => r !== undefined);
    for (const p of pages) {
      const server = hdr(p, 'server');
      if (!server) continue;
      const hit = DEV_SERVERS.find(([re]) => re.test(server));
      if (!hit) continue;
      ctx.report({
        file: p.url,
        message: { en: `The answering server is ${hit[1].en} (Server: ${server.slice(0, 60)})`, ja: `応答しているのは${hit[1].ja}です（Server: ${server.slice(0, 60)}）` },
        evidence: `Server: ${server}`.slice(0, 120),
      });
      return;
    }
  },
});
