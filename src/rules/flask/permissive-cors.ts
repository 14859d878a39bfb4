import { callsOf, dictGet, isFlaskSetting, settingsOf, stringItems, truthyValue, usesFlask } from '../../facts/python/query.js';
import type { PyValue } from '../../facts/python/types.js';
import { defineRule } from '../define.js';

/** Origins allow any site: '*' (Flask-CORS's default), a '.*' regex, or a list containing them. */
function anyOrigin(v: PyValue | undefined): boolean {
  if (!v) return true; // Flask-CORS default origins='*'
  const items = stringItems(v);
  if (!items.length) return false;
  return items.some((s) => s.value === '*' || s.value === '.*' || s.value === '^.*$');
}

export default defineRule({
  id: 'flask/permissive-cors',
  severity: 'high',
  facts: ['python'],
  title: { en: 'Flask-CORS allows credentials from any origin', ja: 'Flask-CORS が任意のオリジンに認証情報付きリクエストを許可' },
  description: {
    en: "With `supports_credentials=True` and origins left at Flask-CORS's default '*' (or set to it), Flask-CORS answers every Origin with itself and Access-Control-Allow-Credentials: true. Any website the user visits can then call the API with the user's cookies and read the responses: account data, CSRF tokens, anything the session can see.",
    ja: '`supports_credentials=True` で origins を Flask-CORS のデフォルト \'*\' のまま (または明示的に \'*\') にすると、Flask-CORS はどの Origin にもそのオリジンと Access-Control-Allow-Credentials: true を返します。ユーザーが訪れた任意のサイトがユーザーの Cookie 付きで API を呼び、レスポンス (アカウント情報、CSRF トークンなどセッションで見えるものすべて) を読めます。',
  },
  fix: {
    en: "List the exact front-end origins: `CORS(app, origins=['https://app.example.com'], supports_credentials=True)` (read them from the environment per deployment), or drop supports_credentials if the API does not use cookies.",
    ja: 'フロントエンドのオリジンを正確に列挙します: `CORS(app, origins=[\'https://app.example.com\'], supports_credentials=True)` (デプロイごとに環境変数から読む)。API が Cookie を使わないなら supports_credentials を外します。',
  },
  references: { cwe: ['CWE-942', 'CWE-346'] },
  check(facts, ctx) {
    if (!usesFlask(facts.python)) return;
    const configCreds = settingsOf(facts.python, ctx, new Set(['CORS_SUPPORTS_CREDENTIALS']), isFlaskSetting).some((s) => truthyValue(s.a.value) === true);
    const configOrigins = settingsOf(facts.python, ctx, new Set(['CORS_ORIGINS']), isFlaskSetting);
    for (const { fact, call } of callsOf(facts.python, ctx, (c, f) => (c.name === 'CORS' || c.name === 'cross_origin') && f.imports.includes('flask_cors'))) {
      const creds = call.kwargs.supports_credentials ? truthyValue(call.kwargs.supports_credentials) === true : configCreds;
      if (!creds) continue;
      const resources = call.kwargs.resources;
      let origins: PyValue | undefined = call.kwargs.origins;
      let at = call.kwargPos.origins ?? { line: call.line, column: call.column };
      if (!origins && configOrigins.length) origins = configOrigins[0]!.a.value;
      // resources={r"/api/*": {"origins": "*"}}
      const perResource = resources ? [...(resources.kind === 'dict' ? resources.entries : [])].map((e) => ({ v: dictGet(e.value, 'origins'), at: e })) : [];
      const wide = perResource.length ? perResource.filter((r) => r.v ? anyOrigin(r.v) : anyOrigin(origins)) : anyOrigin(origins) ? [{ v: origins, at }] : [];
      for (const w of wide) {
        ctx.report({
          file: fact.file,
          line: w.at.line,
          column: w.at.column,
          message: {
            en: `${call.callee}() allows credentialed requests from any origin${w.v ? '' : " (origins defaults to '*')"}: any website can call the API with the user's cookies and read the answer`,
            ja: `${call.callee}() が任意のオリジンからの認証情報付きリクエストを許可しています${w.v ? '' : " (origins のデフォルトは '*')"}。どのサイトからでもユーザーの Cookie 付きで API を呼び、結果を読めます`,
          },
        });
      }
    }
  },
});
