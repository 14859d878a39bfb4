import { defineRule } from '../define.js';
import { devServerOf } from '../../facts/dev-server.js';

export default defineRule({
  id: 'compose/dev-server',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['compose'],
  title: { en: 'Compose service starts a development server', ja: 'compose のサービスが開発用サーバーを起動する' },
  description: {
    en: "A service's `command:` / `entrypoint:` in a production or shared compose file starts a development server, auto-reloader or debugger (`flask run`, `manage.py runserver`, `python app.py` calling `app.run()`, `npm run dev`, `nodemon`, `uvicorn --reload`, `rails server -e development`, `node --inspect` …), overriding whatever the image would run. These servers are not built for production traffic and some expose a debugger that runs code. A development compose file is not judged for production.",
    ja: '本番用または共通の compose ファイルで、サービスの `command:` / `entrypoint:` が開発用サーバー、自動リロード、デバッガーを起動しており、イメージ本来のコマンドを上書きしています (`flask run`、`manage.py runserver`、`app.run()` を呼ぶ `python app.py`、`npm run dev`、`nodemon`、`uvicorn --reload`、`rails server -e development`、`node --inspect` など)。これらは本番のトラフィック向けではなく、中にはコードを実行できるデバッガーを公開するものもあります。開発用 compose ファイルは本番向けには判定しません。',
  },
  fix: {
    en: 'Run the production server (gunicorn / uvicorn workers, `node dist/server.js`, `rails server -e production`) and keep the development command in docker-compose.dev.yml or compose.override.yml.',
    ja: '本番用サーバー（gunicorn / uvicorn のワーカー、`node dist/server.js`、`rails server -e production`）で起動し、開発用のコマンドは docker-compose.dev.yml や compose.override.yml に置いてください。',
  },
  references: { cwe: ['CWE-489'] },
  check(facts, ctx) {
    for (const f of facts.compose) {
      for (const svc of f.services) {
        for (const cmd of [svc.entrypoint, svc.command]) {
          if (!cmd) continue;
          let found = false;
          const candidates = [...cmd.commands];
          // entrypoint + command as one argv (`entrypoint: ["python"]`, `command: ["app.py"]`)
          if (cmd === svc.entrypoint && svc.command) candidates.push({ argv: [...cmd.argv, ...svc.command.argv], words: [], line: cmd.line, column: cmd.column });
          for (const c of candidates) {
            const m = devServerOf(c, svc.scripts);
            if (!m) continue;
            ctx.report({
              file: f.file,
              line: cmd.line,
              column: cmd.column,
              message: { en: `Service "${svc.name}" ${cmd.kind} ${m.what} ${m.why.en}`, ja: `サービス "${svc.name}" の ${cmd.kind} ${m.what} ${m.why.ja}` },
              fix: m.fix,
            });
            found = true;
            break;
          }
          if (found) break;
        }
      }
    }
  },
});
