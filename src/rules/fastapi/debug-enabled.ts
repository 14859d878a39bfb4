import { entryStatus } from '../../facts/commands.js';
import { fromEnv, judged, truthyValue } from '../../facts/python/query.js';
import { defineRule } from '../define.js';
import { isAsgiFile, isUvicornRun } from './_shared.js';

export default defineRule({
  id: 'fastapi/debug-enabled',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['python', 'deployCommand'],
  title: { en: 'FastAPI / Starlette debug mode is on', ja: 'FastAPI / Starlette のデバッグモードが有効' },
  description: {
    en: "`FastAPI(debug=True)` / `Starlette(debug=True)` (or `app.debug = True`) makes every unhandled exception return an HTML page with the full traceback and source lines to the client: paths, queries and sometimes credentials from the stack, for anyone who can trigger an error.",
    ja: '`FastAPI(debug=True)` / `Starlette(debug=True)` (または `app.debug = True`) にすると、未処理の例外のたびに完全なトレースバックとソース行を含む HTML ページがクライアントに返ります。エラーを起こせる誰にでも、スタック上のパス、クエリ、ときには認証情報まで見えます。',
  },
  fix: { en: "Leave debug off in production: `FastAPI(debug=os.environ.get('APP_DEBUG') == '1')`, and log exceptions server-side instead.", ja: "本番ではデバッグを無効にします: `FastAPI(debug=os.environ.get('APP_DEBUG') == '1')`。例外はサーバー側のログに出します。" },
  references: { cwe: ['CWE-489', 'CWE-215', 'CWE-209'] },
  check(facts, ctx) {
    const commands = facts.deployCommand;
    for (const fact of facts.python) {
      if (!isAsgiFile(fact) && !fact.imports.includes('uvicorn')) continue;
      for (const call of judged(fact.calls, ctx)) {
        const app = call.name === 'FastAPI' || call.name === 'Starlette';
        if (!app && !isUvicornRun(call)) continue;
        if (!app && call.inMainGuard && entryStatus(commands, fact.file).status === 'other') continue;
        const v = call.kwargs.debug;
        if (truthyValue(v) !== true) continue;
        const env = fromEnv(v);
        ctx.report({
          file: fact.file,
          line: v!.line,
          column: v!.column,
          message: {
            en: `${call.callee}(debug=…) is on${env ? ` when ${v!.envNames!.join(', ')} is not set` : ''}: unhandled errors return tracebacks to clients`,
            ja: `${call.callee}(debug=…) が有効です${env ? ` (${v!.envNames!.join(', ')} が未設定のとき)` : ''}。未処理のエラーでトレースバックがクライアントに返ります`,
          },
        });
      }
      if (!isAsgiFile(fact)) continue;
      for (const a of judged(fact.assignments, ctx)) {
        if (a.via !== 'app-attribute' || a.key !== 'DEBUG' || truthyValue(a.value) !== true) continue;
        ctx.report({ file: fact.file, line: a.line, column: a.column, message: { en: `${a.target} = True: unhandled errors return tracebacks to clients`, ja: `${a.target} = True のため、未処理のエラーでトレースバックがクライアントに返ります` } });
      }
    }
  },
});
