import { callsOf, fromEnv } from '../../facts/python/query.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fastapi/docs-exposed',
  severity: 'info',
  environments: ['production', 'staging'],
  facts: ['python'],
  title: { en: 'FastAPI interactive API docs are public', ja: 'FastAPI の対話型 API ドキュメントが公開されている' },
  description: {
    en: 'FastAPI serves Swagger UI at /docs, ReDoc at /redoc and the schema at /openapi.json by default. In production that publishes every endpoint, parameter and model, including internal or admin routes, and a ready-made client to try them. Intended for public APIs; otherwise a map for attackers.',
    ja: 'FastAPI はデフォルトで /docs に Swagger UI、/redoc に ReDoc、/openapi.json にスキーマを公開します。本番では内部向けや管理用を含むすべてのエンドポイント・パラメータ・モデルと、それを試せるクライアントを公開することになります。公開 API なら意図通りですが、そうでなければ攻撃者への地図です。',
  },
  fix: { en: "Turn them off outside development, e.g. `FastAPI(docs_url=None, redoc_url=None, openapi_url=None if ENV == 'production' else '/openapi.json')`, or protect them with authentication.", ja: "開発以外では無効にします。例: `FastAPI(docs_url=None, redoc_url=None, openapi_url=None if ENV == 'production' else '/openapi.json')`。あるいは認証で保護します。" },
  references: { cwe: ['CWE-200'] },
  check(facts, ctx) {
    for (const { fact, call } of callsOf(facts.python, ctx, (c, f) => c.name === 'FastAPI' && f.imports.includes('fastapi'))) {
      if (call.spread) continue;
      const openapi = call.kwargs.openapi_url;
      if (openapi && (openapi.resolved === undefined || openapi.resolved === null || openapi.resolved === '')) continue; // off, or decided at runtime
      const exposed: string[] = [];
      for (const [kw, path] of [['docs_url', '/docs'], ['redoc_url', '/redoc']] as const) {
        const v = call.kwargs[kw];
        if (!v) exposed.push(path);
        else if (typeof v.resolved === 'string' && v.resolved) exposed.push(v.resolved + (fromEnv(v) ? ' (default)' : ''));
      }
      if (!exposed.length) continue;
      ctx.report({
        file: fact.file,
        line: call.line,
        column: call.column,
        message: { en: `FastAPI serves interactive API docs at ${exposed.join(', ')} and the OpenAPI schema: every route is listed publicly`, ja: `FastAPI が ${exposed.join('、')} で対話型 API ドキュメントと OpenAPI スキーマを公開しています。すべてのルートが公開で一覧できます` },
      });
    }
  },
});
