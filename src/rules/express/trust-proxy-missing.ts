import type { JsValue } from '../../facts/javascript.js';
import { defineRule } from '../define.js';
import { callsOf, isTrue, prop, setsTrustProxy } from './_util.js';

function needsSecureRequest(v: JsValue | undefined): boolean {
  return isTrue(v) || (v?.kind === 'string' && v.value === 'auto');
}

export default defineRule({
  id: 'express/trust-proxy-missing',
  severity: 'low',
  environments: ['production', 'staging'],
  facts: ['javascript'],
  title: {
    en: 'Secure session cookie without trust proxy',
    ja: 'trust proxy なしの Secure セッション Cookie',
  },
  description: {
    en: 'express-session and cookie-session refuse to send a Secure cookie on a request they consider plain HTTP. Behind a load balancer or nginx that terminates TLS, every request reaches Express as HTTP unless `app.set("trust proxy", …)` lets it believe X-Forwarded-Proto: logins then "succeed" but no session cookie is ever set. Reported (low — it depends on the deployment) when a session cookie is `secure: true` or `"auto"` and no file of the package sets trust proxy (express-session\'s own `proxy: true` also counts).',
    ja: 'express-session と cookie-session は、平文 HTTP と判断したリクエストには Secure Cookie を送りません。TLS を終端するロードバランサーや nginx の後ろでは、`app.set("trust proxy", …)` で X-Forwarded-Proto を信頼させない限り、すべてのリクエストが HTTP として Express に届きます。その結果、ログインは「成功」してもセッション Cookie が一度も設定されません。セッション Cookie が `secure: true` または `"auto"` で、パッケージ内のどのファイルも trust proxy を設定していない場合に報告します (デプロイ構成次第のため low。express-session 自身の `proxy: true` も設定ありとみなします)。',
  },
  fix: {
    en: 'Behind exactly one proxy: `app.set("trust proxy", 1)` (or the proxy\'s address range). Do not use `true` when clients can reach the app directly, or they can spoof X-Forwarded-For.',
    ja: 'プロキシが 1 段なら `app.set("trust proxy", 1)` (またはプロキシのアドレス範囲) を設定してください。クライアントがアプリに直接到達できる構成では `true` を使わないでください。X-Forwarded-For を偽装されます。',
  },
  references: { equivalents: ['seed S1.9'] },
  check(facts, ctx) {
    const check = (module: string, cookieOf: (opts: JsValue | undefined) => JsValue | undefined) => {
      for (const { fact, call } of callsOf(facts.javascript, module)) {
        const opts = call.args[0];
        const secure = prop(cookieOf(opts), 'secure');
        if (!secure || !needsSecureRequest(secure.value)) continue;
        if (module === 'express-session' && isTrue(prop(opts, 'proxy')?.value)) continue;
        if (setsTrustProxy(facts.javascript, fact.packageDir)) continue;
        ctx.report({
          file: fact.file,
          line: secure.line,
          column: secure.column,
          key: 'trust proxy',
          message: {
            en: `${module} cookie is secure but the app never sets "trust proxy": behind a TLS-terminating proxy the session cookie is never sent`,
            ja: `${module} の Cookie は secure ですが、アプリが "trust proxy" を設定していません: TLS を終端するプロキシの後ろではセッション Cookie が送信されません`,
          },
        });
      }
    };
    check('express-session', (opts) => prop(opts, 'cookie')?.value);
    check('cookie-session', (opts) => opts);
  },
});
