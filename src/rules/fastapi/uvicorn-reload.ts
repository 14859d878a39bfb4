import { entryStatus, reportsCommand } from '../../facts/commands.js';
import { recognizeDevServer } from '../../lib/dev-server.js';
import { shellWords } from '../../lib/shell.js';
import { fromEnv, judged, truthyValue } from '../../facts/python/query.js';
import { defineRule } from '../define.js';
import { isUvicornRun } from './_shared.js';

export default defineRule({
  id: 'fastapi/uvicorn-reload',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['python', 'deployCommand'],
  title: { en: 'Uvicorn auto-reload (or `fastapi dev`) in production', ja: '本番で Uvicorn の自動リロード (または `fastapi dev`)' },
  description: {
    en: '`--reload` / `reload=True` and `fastapi dev` run a file watcher that restarts the server whenever a file changes. Reload mode runs a single worker (`--workers` is ignored), costs CPU on polling file systems, and a file written by the app (an upload, a log in the source tree) restarts the server mid-request. It is a development convenience. This rule judges `uvicorn.run(reload=True)` in code and Procfile commands; Dockerfile, compose and systemd commands are reported by their own dev-server rules.',
    ja: '`--reload` / `reload=True` や `fastapi dev` はファイル監視を動かし、ファイルが変わるたびにサーバーを再起動します。リロードモードは単一ワーカーで動き (`--workers` は無視される)、ポーリング型のファイルシステムでは CPU を消費し、アプリが書いたファイル (アップロード、ソースツリー内のログ) でリクエスト処理中に再起動します。開発用の機能です。このルールはコード中の `uvicorn.run(reload=True)` と Procfile のコマンドを判定します。Dockerfile、compose、systemd のコマンドはそれぞれの dev-server ルールが報告します。',
  },
  fix: { en: 'Start production without reload and with workers: `uvicorn main:app --host 0.0.0.0 --port 8000 --workers 4` (or `fastapi run`, or gunicorn with `-k uvicorn.workers.UvicornWorker`); keep reload for local runs only.', ja: '本番はリロードなし・複数ワーカーで起動します: `uvicorn main:app --host 0.0.0.0 --port 8000 --workers 4` (または `fastapi run`、`-k uvicorn.workers.UvicornWorker` 付きの gunicorn)。リロードはローカル実行だけで使います。' },
  references: { cwe: ['CWE-1188'] },
  check(facts, ctx) {
    const commands = facts.deployCommand;
    for (const c of commands.filter(reportsCommand)) {
      const m = recognizeDevServer(c.argv ?? shellWords(c.text));
      if (m?.kind === 'reloader' && (m.tool === 'uvicorn' || m.tool === 'hypercorn')) {
        ctx.report({ file: c.file, line: c.line, column: c.column, message: { en: `${m.tool} --reload runs the file watcher and a single worker in production`, ja: `${m.tool} --reload が本番でファイル監視と単一ワーカーで動きます` } });
      } else if (m?.tool === 'fastapi') {
        ctx.report({ file: c.file, line: c.line, column: c.column, message: { en: '`fastapi dev` runs the development server (auto-reload, localhost) in production; use `fastapi run`', ja: '`fastapi dev` が本番で開発用サーバー (自動リロード、localhost) を起動します。`fastapi run` を使ってください' } });
      }
    }
    for (const fact of facts.python) {
      for (const call of judged(fact.calls, ctx)) {
        if (!isUvicornRun(call)) continue;
        const v = call.kwargs.reload;
        if (truthyValue(v) !== true) continue;
        const entry = call.inMainGuard ? entryStatus(commands, fact.file) : { status: 'runs' as const, invocation: undefined };
        if (entry.status === 'other') continue;
        const env = fromEnv(v);
        const cmd = entry.invocation?.command;
        ctx.report({
          file: fact.file,
          line: v!.line,
          column: v!.column,
          severity: entry.status === 'unknown' ? 'low' : undefined,
          message: {
            en: `uvicorn.run(reload=…) is on${env ? ` when ${v!.envNames!.join(', ')} is not set` : ''}${cmd ? `, and ${cmd.file}:${cmd.line} starts this file in production` : entry.status === 'unknown' ? ' whenever this file is started directly' : ''}`,
            ja: `uvicorn.run(reload=…) が有効です${env ? ` (${v!.envNames!.join(', ')} が未設定のとき)` : ''}${cmd ? `。${cmd.file}:${cmd.line} が本番でこのファイルを起動します` : entry.status === 'unknown' ? '。このファイルを直接起動すると有効になります' : ''}`,
          },
        });
      }
    }
  },
});
