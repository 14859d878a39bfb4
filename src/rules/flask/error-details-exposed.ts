import { exposureText } from '../../facts/python/query.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'flask/error-details-exposed',
  severity: 'medium',
  facts: ['python'],
  title: { en: 'Error response returns the exception text to the client', ja: 'エラーレスポンスが例外の内容をクライアントに返す' },
  description: {
    en: 'An error handler (or an `except` block in a view) that returns `str(e)`, `repr(e)`, `e.args` or `traceback.format_exc()` tells every client what failed inside: SQL fragments, file paths, host names, library versions, sometimes credentials in connection errors. That is reconnaissance for free. Seed 003 (item 5) only hides it when FLASK_ENV is production; unconditional exposure is what this rule reports.',
    ja: 'エラーハンドラ (またはビュー内の `except` ブロック) が `str(e)`、`repr(e)`、`e.args`、`traceback.format_exc()` を返すと、内部で何が失敗したか (SQL の断片、ファイルパス、ホスト名、ライブラリのバージョン、接続エラーに含まれる認証情報) をすべてのクライアントに伝えてしまい、攻撃者の下調べを手伝うことになります。seed 003 (5 項) は FLASK_ENV が production のときだけ隠していますが、このルールは条件なしに返している箇所を報告します。',
  },
  fix: {
    en: "Log the exception with its traceback (`app.logger.exception('…')`, to stdout in containers) and return a generic message with a correlation id: `return jsonify(message='Internal error', id=request_id), 500`.",
    ja: '例外はトレースバック付きでログに出し (`app.logger.exception(\'…\')`。コンテナなら stdout へ)、クライアントには相関 ID 付きの一般的なメッセージを返します: `return jsonify(message=\'Internal error\', id=request_id), 500`。',
  },
  references: { cwe: ['CWE-209', 'CWE-497'] },
  check(facts, ctx) {
    for (const fact of facts.python) {
      if (!fact.imports.some((m) => m === 'flask' || m.startsWith('flask_') || m === 'werkzeug')) continue;
      for (const h of fact.errorHandlers) {
        if (!ctx.judges(h.environment) || h.kind === 'exception_handler') continue;
        for (const x of h.exposures) {
          if (x.guarded) continue; // only in development / debug branches
          const what = exposureText(x.kind);
          ctx.report({
            file: fact.file,
            line: x.line,
            column: x.column,
            message: h.kind === 'except'
              ? { en: `${h.function}() returns ${what.en} from \`except ${h.handles}\` to the client`, ja: `${h.function}() が \`except ${h.handles}\` で${what.ja}をクライアントに返しています` }
              : { en: `Error handler ${h.function}() for ${h.handles || 'errors'} returns ${what.en} to the client`, ja: `${h.handles || 'エラー'} のエラーハンドラ ${h.function}() が${what.ja}をクライアントに返しています` },
          });
        }
      }
    }
  },
});
