import type { ExecLine } from '../../facts/systemd.js';
import { recognizeDevServer } from '../../lib/dev-server.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'systemd/dev-server',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['systemd'],
  title: {
    en: 'Service runs a development server or debug mode',
    ja: 'サービスが開発用サーバーまたはデバッグモードで動作している',
  },
  description: {
    en: 'Development servers (flask run, manage.py runserver, npm run dev, nodemon, --reload) are single-process, unhardened and watch the source tree; debug switches add interactive debuggers that execute code from the browser (the Werkzeug console) and print stack traces with settings to anyone. A production unit should start a production server (gunicorn, uvicorn without --reload, puma, node dist/server.js).',
    ja: '開発用サーバー（flask run、manage.py runserver、npm run dev、nodemon、--reload）はシングルプロセスでハードニングされておらず、ソースツリーを監視します。デバッグスイッチは、ブラウザからコードを実行できる対話型デバッガー（Werkzeug コンソール）や、設定値を含むスタックトレースを誰にでも表示する機能を有効にします。本番のユニットは本番用サーバー（gunicorn、--reload なしの uvicorn、puma、node dist/server.js など）を起動すべきです。',
  },
  fix: {
    en: 'Start the app with a production server, e.g. `ExecStart=/srv/app/venv/bin/gunicorn -w 3 -b 127.0.0.1:8000 app:app`, and drop --reload / --debug.',
    ja: '本番用サーバーで起動します（例: `ExecStart=/srv/app/venv/bin/gunicorn -w 3 -b 127.0.0.1:8000 app:app`）。--reload / --debug は外します。',
  },
  references: { cwe: ['CWE-489'] },
  check(facts, ctx) {
    for (const unit of facts.systemd) {
      for (const cmd of unit.commands as ExecLine[]) {
        const m = recognizeDevServer(cmd.argv ?? []);
        if (!m) continue;
        const w = cmd.words[m.index] ?? cmd.words[0];
        ctx.report({
          file: cmd.file,
          line: w?.line ?? cmd.line,
          column: w?.column ?? cmd.column,
          message: { en: `ExecStart runs ${m.what} in a deployed service, which ${m.why.en}`, ja: `ExecStart がデプロイ先のサービスで ${m.what} を実行しています。${m.what} ${m.why.ja}` },
          fix: m.fix,
        });
      }
    }
  },
});
