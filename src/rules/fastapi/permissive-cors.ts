import { callsOf, fromEnv, stringItems, truthyValue } from '../../facts/python/query.js';
import type { PyCall } from '../../facts/python/types.js';
import { defineRule } from '../define.js';

/** CORSMiddleware options of `app.add_middleware(CORSMiddleware, …)`, `Middleware(CORSMiddleware, …)` or `CORSMiddleware(app, …)`. */
function isCorsMiddleware(call: PyCall): boolean {
  if (call.name === 'CORSMiddleware') return true;
  if (call.name !== 'add_middleware' && call.name !== 'Middleware') return false;
  const first = call.args[0];
  return first?.kind === 'ref' && /(^|\.)CORSMiddleware$/.test(first.name);
}

export default defineRule({
  id: 'fastapi/permissive-cors',
  severity: 'high',
  facts: ['python'],
  title: { en: 'CORSMiddleware allows credentials from any origin', ja: 'CORSMiddleware が任意のオリジンに認証情報付きリクエストを許可' },
  description: {
    en: "Starlette's CORSMiddleware with `allow_origins=['*']` and `allow_credentials=True` does not send '*' when a request carries cookies: it echoes the caller's Origin back with Access-Control-Allow-Credentials: true. Any website the user visits can then call the API with the user's cookies or credentials and read the responses. `allow_origin_regex='.*'` does the same.",
    ja: "Starlette の CORSMiddleware は `allow_origins=['*']` と `allow_credentials=True` の組み合わせで、Cookie 付きのリクエストには '*' ではなく呼び出し元の Origin をそのまま Access-Control-Allow-Credentials: true と共に返します。ユーザーが訪れた任意のサイトがユーザーの Cookie や認証情報付きで API を呼び、レスポンスを読めます。`allow_origin_regex='.*'` も同じです。",
  },
  fix: { en: "List the front-end origins explicitly, per environment: `allow_origins=os.environ['CORS_ORIGINS'].split(',')` (https://app.example.com), or set `allow_credentials=False` if the API uses no cookies.", ja: "フロントエンドのオリジンを環境ごとに明示します: `allow_origins=os.environ['CORS_ORIGINS'].split(',')` (https://app.example.com)。API が Cookie を使わないなら `allow_credentials=False` にします。" },
  references: { cwe: ['CWE-942', 'CWE-346'] },
  check(facts, ctx) {
    for (const { fact, call } of callsOf(facts.python, ctx, isCorsMiddleware)) {
      if (truthyValue(call.kwargs.allow_credentials) !== true) continue;
      const origins = call.kwargs.allow_origins;
      const star = stringItems(origins).find((s) => s.value === '*');
      const resolvedStar = Array.isArray(origins?.resolved) && origins!.resolved.includes('*');
      const regex = call.kwargs.allow_origin_regex;
      const anyRegex = typeof regex?.resolved === 'string' && /^\^?\.[*+]\$?$/.test(regex.resolved);
      if (!star && !resolvedStar && !anyRegex) continue;
      const at = star ?? (anyRegex ? regex! : origins!);
      ctx.report({
        file: fact.file,
        line: at.line,
        column: at.column,
        message: {
          en: `CORSMiddleware allows credentials from any origin (${anyRegex ? 'allow_origin_regex matches everything' : "allow_origins contains '*'"}${fromEnv(origins) && !star ? ` when ${origins!.envNames!.join(', ')} is not set` : ''}): any website can call the API as the user`,
          ja: `CORSMiddleware が任意のオリジンからの認証情報付きリクエストを許可しています (${anyRegex ? 'allow_origin_regex がすべてに一致' : "allow_origins に '*'"}${fromEnv(origins) && !star ? `、${origins!.envNames!.join(', ')} が未設定のとき` : ''})。どのサイトからでもユーザーとして API を呼べます`,
        },
      });
    }
  },
});
