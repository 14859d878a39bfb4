import { reportsCommand } from '../../facts/commands.js';
import { recognizeDevServer } from '../../lib/dev-server.js';
import { shellWords } from '../../lib/shell.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'django/runserver-in-production',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['deployCommand'],
  title: { en: 'Django development server (runserver) used to serve production', ja: 'Django の開発用サーバー (runserver) を本番で使用' },
  description: {
    en: "`manage.py runserver` is Django's development server: Django's documentation says it has not gone through security audits or performance tests, it is single-process, and static files and auto-reload behave differently. A Procfile process that starts it serves production with it (Dockerfile, compose and systemd commands are reported by their own dev-server rules).",
    ja: '`manage.py runserver` は Django の開発用サーバーです。Django のドキュメントにある通りセキュリティ監査も性能試験も受けておらず、単一プロセスで、静的ファイルや自動リロードの挙動も本番向けではありません。Procfile のプロセスがこれを起動すると、本番をこのサーバーで配信することになります (Dockerfile、compose、systemd のコマンドはそれぞれの dev-server ルールが報告します)。',
  },
  fix: { en: 'Serve with a WSGI/ASGI server: `gunicorn mysite.wsgi:application -w 3 -b 0.0.0.0:8000` (or uvicorn / daphne for ASGI), behind nginx.', ja: 'WSGI/ASGI サーバーで配信します: nginx の背後で `gunicorn mysite.wsgi:application -w 3 -b 0.0.0.0:8000` (ASGI なら uvicorn / daphne)。' },
  references: { cwe: ['CWE-1188'] },
  check(facts, ctx) {
    for (const c of facts.deployCommand.filter(reportsCommand)) {
      if (recognizeDevServer(c.argv ?? shellWords(c.text))?.tool !== 'django') continue;
      ctx.report({ file: c.file, line: c.line, column: c.column, message: { en: '`manage.py runserver` starts the Django development server as the production server', ja: '`manage.py runserver` が Django の開発用サーバーを本番サーバーとして起動します' } });
    }
  },
});
