import { exposureText } from '../../facts/python/query.js';
import { defineRule } from '../define.js';
import { isAsgiFile } from './_shared.js';

export default defineRule({
  id: 'fastapi/error-details-exposed',
  severity: 'medium',
  facts: ['python'],
  title: { en: 'FastAPI error response returns the exception text', ja: 'FastAPI のエラーレスポンスが例外の内容を返す' },
  description: {
    en: '`raise HTTPException(status_code=500, detail=str(e))`, or an exception handler returning `str(exc)` / the traceback, sends internal details (SQL, paths, hosts, library errors) to every client. FastAPI returns `detail` verbatim in the JSON body.',
    ja: '`raise HTTPException(status_code=500, detail=str(e))` や、`str(exc)` やトレースバックを返す例外ハンドラは、内部の詳細 (SQL、パス、ホスト、ライブラリのエラー) をすべてのクライアントに送ります。FastAPI は `detail` を JSON ボディにそのまま入れて返します。',
  },
  fix: { en: "Log the exception (`logger.exception(...)`) and return a generic detail: `raise HTTPException(status_code=500, detail='Internal error') from e`.", ja: "例外はログに出し (`logger.exception(...)`)、一般的な内容を返します: `raise HTTPException(status_code=500, detail='Internal error') from e`。" },
  references: { cwe: ['CWE-209', 'CWE-497'] },
  check(facts, ctx) {
    for (const fact of facts.python) {
      if (!isAsgiFile(fact)) continue;
      for (const h of fact.errorHandlers) {
        if (!ctx.judges(h.environment)) continue;
        for (const x of h.exposures) {
          if (x.guarded) continue;
          const what = exposureText(x.kind);
          ctx.report({
            file: fact.file,
            line: x.line,
            column: x.column,
            message: h.kind === 'except'
              ? { en: `${h.function}() sends ${what.en} from \`except ${h.handles}\` to the client`, ja: `${h.function}() が \`except ${h.handles}\` で${what.ja}をクライアントに送っています` }
              : { en: `Exception handler ${h.function}() for ${h.handles || 'errors'} returns ${what.en} to the client`, ja: `${h.handles || 'エラー'} の例外ハンドラ ${h.function}() が${what.ja}をクライアントに返しています` },
          });
        }
      }
    }
  },
});
