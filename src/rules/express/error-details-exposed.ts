import { defineRule } from '../define.js';

export default defineRule({
  id: 'express/error-details-exposed',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['javascript'],
  title: {
    en: 'Error handler sends error details to the client',
    ja: 'エラーハンドラーがエラーの詳細をクライアントに返す',
  },
  description: {
    en: 'An error-handling middleware (a 4-argument function passed to `app.use`) that puts `err.stack` in the response shows file paths, library versions and code structure to whoever triggers an error (medium). `err.message`, `String(err)` or the error object itself leak database errors, SQL fragments, hostnames and validation internals (low). Values chosen by an environment test (`req.app.get("env") === "development" ? err : {}`) are not reported.',
    ja: 'エラー処理ミドルウェア (`app.use` に渡す 4 引数の関数) が応答に `err.stack` を入れると、エラーを起こした誰にでもファイルパス、ライブラリのバージョン、コードの構造が見えます (medium)。`err.message`、`String(err)`、エラーオブジェクトそのものは、DB のエラー、SQL の断片、ホスト名、検証の内部情報を漏らします (low)。環境を判定して選んだ値 (`req.app.get("env") === "development" ? err : {}`) は報告しません。',
  },
  fix: {
    en: 'Log the error server-side and answer with a generic body: `console.error(err); res.status(err.status ?? 500).json({ error: "Internal Server Error", requestId })`. Expose a message only for errors you created for the client (`err.expose` from http-errors).',
    ja: 'エラーはサーバー側でログに記録し、応答は汎用的な本文にしてください: `console.error(err); res.status(err.status ?? 500).json({ error: "Internal Server Error", requestId })`。メッセージを返すのは、クライアント向けに作ったエラー (http-errors の `err.expose`) だけにします。',
  },
  references: { cwe: ['CWE-209', 'CWE-497'] },
  check(facts, ctx) {
    for (const f of facts.javascript) {
      for (const h of f.errorHandlers) {
        const seen = new Set<string>();
        for (const leak of h.leaks) {
          if (leak.guarded || seen.has(leak.what)) continue;
          seen.add(leak.what);
          const err = h.params[0];
          const what = leak.what === 'stack' ? `${err}.stack` : leak.what === 'message' ? `${err}.message` : `the error object ${err}`;
          const whatJa = leak.what === 'stack' ? `${err}.stack` : leak.what === 'message' ? `${err}.message` : `エラーオブジェクト ${err}`;
          ctx.report({
            file: f.file,
            line: leak.line,
            column: leak.column,
            key: leak.what,
            severity: leak.what === 'stack' ? 'medium' : 'low',
            message: {
              en: `Error handler sends ${what} to the client: ${leak.what === 'stack' ? 'stack traces reveal file paths and code structure' : 'error details reveal database and internal messages'}`,
              ja: `エラーハンドラーが ${whatJa} をクライアントに返しています: ${leak.what === 'stack' ? 'スタックトレースからファイルパスやコードの構造が分かります' : 'エラーの詳細から DB や内部のメッセージが分かります'}`,
            },
          });
        }
      }
    }
  },
});
