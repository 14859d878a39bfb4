import { defineRule } from '../define.js';
import { deployedStages } from '../../facts/docker-stages.js';
import { packageScriptsOf, recognizeDevServer } from '../../lib/dev-server.js';

export default defineRule({
  id: 'docker/dev-server',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['dockerfile', 'compose'],
  title: { en: 'Image starts a development server', ja: 'イメージが開発用サーバーを起動する' },
  description: {
    en: "The deployed stage's CMD / ENTRYPOINT (the compose service's `target:`, else the final stage, skipping a development stage such as `dev-envs`) starts a development server, an auto-reloader or a debugger: `flask run`, `manage.py runserver`, `python app.py` when that script calls `app.run()`, `npm run dev`, `nodemon`, `next dev`, `rails server -e development`, `uvicorn --reload`, `gunicorn --reload`, `php -S`, `node --inspect`. These servers are single-process, not hardened, reload code from disk, and some expose an interactive debugger that runs arbitrary code for whoever reaches it. A command that runs a package.json script (`npm start`, `yarn serve`) is judged by what the script runs, read from the build context's package.json (`\"start\": \"nodemon server.js\"`).",
    ja: 'デプロイされるステージ (compose サービスの `target:`、なければ最終ステージ。`dev-envs` のような開発用ステージは除く) の CMD / ENTRYPOINT が開発用サーバー、自動リロード、またはデバッガーを起動します: `flask run`、`manage.py runserver`、`app.run()` を呼ぶスクリプトの `python app.py`、`npm run dev`、`nodemon`、`next dev`、`rails server -e development`、`uvicorn --reload`、`gunicorn --reload`、`php -S`、`node --inspect` など。これらは単一プロセスで堅牢化されておらず、ディスクからコードを再読み込みし、中には到達した人が任意のコードを実行できる対話型デバッガーを公開するものもあります。package.json のスクリプトを実行するコマンド (`npm start`、`yarn serve`) は、そのスクリプトが実行するもの (ビルドコンテキストの package.json から読む `"start": "nodemon server.js"` など) で判定します。',
  },
  fix: {
    en: 'Start a production server: gunicorn / uvicorn workers for Python (`gunicorn --bind 0.0.0.0:8000 --workers 3 app:app`), `node dist/server.js` / `next start` for Node, `rails server -e production` for Rails; keep development commands in Dockerfile.dev or a compose override.',
    ja: '本番用サーバーで起動してください。Python は gunicorn / uvicorn のワーカー (`gunicorn --bind 0.0.0.0:8000 --workers 3 app:app`)、Node は `node dist/server.js` / `next start`、Rails は `rails server -e production` です。開発用のコマンドは Dockerfile.dev や compose の override ファイルに分けます。',
  },
  references: { cwe: ['CWE-489'] },
  check(facts, ctx) {
    for (const f of facts.dockerfile) {
      const packageScripts = packageScriptsOf(f.npmScripts);
      for (const last of deployedStages(f, facts.compose)) {
        for (const c of last.effective.commands) {
          const m = recognizeDevServer(c.argv, { scripts: f.scripts, packageScripts });
          // A bare --debug switch on some program is judged by systemd/dev-server only.
          if (!m || m.kind === 'debug-switch') continue;
          const w = c.words[m.index];
          const via = m.via ? ` runs the ${m.via.file} script "${m.via.scripts[0]}"${m.via.scripts.length > 1 ? ` (through "${m.via.scripts.slice(1).join('", "')}")` : ''}:` : '';
          ctx.report({
            file: f.file,
            line: w?.line ?? c.line,
            column: w?.column ?? c.column,
            message: { en: `The container command${via} ${m.what} ${m.why.en}`, ja: `コンテナのコマンド${m.via ? ` (${m.via.file} のスクリプト "${m.via.scripts.join('" → "')}")` : ''} ${m.what} ${m.why.ja}` },
            fix: m.fix,
          });
          break;
        }
      }
    }
  },
});
