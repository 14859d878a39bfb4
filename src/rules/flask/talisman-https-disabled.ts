import { callsOf, fromEnv, isTalisman, truthyValue, usesFlask } from '../../facts/python/query.js';
import { defineRule } from '../define.js';

const SWITCHES: Record<string, { en: string; ja: string }> = {
  force_https: { en: 'plain-HTTP requests are served instead of redirected to HTTPS', ja: '平文 HTTP のリクエストが HTTPS にリダイレクトされずにそのまま処理されます' },
  strict_transport_security: { en: 'no Strict-Transport-Security header, so browsers keep trying plain HTTP first', ja: 'Strict-Transport-Security ヘッダーが送られず、ブラウザは平文 HTTP を試し続けます' },
  session_cookie_secure: { en: 'the session cookie loses its Secure flag', ja: 'セッション Cookie の Secure 属性が外れます' },
};

export default defineRule({
  id: 'flask/talisman-https-disabled',
  severity: 'medium',
  facts: ['python'],
  title: { en: 'Flask-Talisman HTTPS protections turned off', ja: 'Flask-Talisman の HTTPS 保護が無効' },
  description: {
    en: "Flask-Talisman redirects HTTP to HTTPS, sends HSTS and marks the session cookie Secure by default. `force_https=False` (seed 003: \"no HTTPS inside EC2\"), `strict_transport_security=False` or `session_cookie_secure=False` are switched off for local HTTP and then ship: pages and cookies travel unencrypted, and nothing tells browsers to stay on HTTPS. If a reverse proxy terminates TLS, it must then do the redirect and HSTS itself.",
    ja: 'Flask-Talisman はデフォルトで HTTP を HTTPS にリダイレクトし、HSTS を送り、セッション Cookie に Secure を付けます。`force_https=False` (seed 003 の「EC2 内部通信では HTTPS を強制しない」)、`strict_transport_security=False`、`session_cookie_secure=False` はローカルの HTTP 用に無効化され、そのまま本番に出がちです。ページや Cookie が暗号化されずに流れ、ブラウザに HTTPS を使い続けるよう伝えるものもなくなります。リバースプロキシで TLS を終端するなら、リダイレクトと HSTS はプロキシ側で行う必要があります。',
  },
  fix: {
    en: "Use Talisman's defaults in production: `Talisman(app, content_security_policy=csp, force_https=True, strict_transport_security=True)`. Behind a TLS-terminating proxy, wrap the app in `ProxyFix` so Talisman sees X-Forwarded-Proto, or do the redirect and HSTS in nginx.",
    ja: '本番では Talisman のデフォルトを使います: `Talisman(app, content_security_policy=csp, force_https=True, strict_transport_security=True)`。TLS を終端するプロキシの背後では、Talisman が X-Forwarded-Proto を見られるよう `ProxyFix` でアプリを包むか、リダイレクトと HSTS を nginx で行います。',
  },
  references: { cwe: ['CWE-319', 'CWE-523', 'CWE-614'] },
  check(facts, ctx) {
    if (!usesFlask(facts.python)) return;
    for (const { fact, call } of callsOf(facts.python, ctx, isTalisman)) {
      for (const [kw, why] of Object.entries(SWITCHES)) {
        const v = call.kwargs[kw];
        if (!v || truthyValue(v) !== false) continue;
        const env = fromEnv(v);
        const p = call.kwargPos[kw] ?? v;
        ctx.report({
          file: fact.file,
          line: p.line,
          column: p.column,
          message: {
            en: `${call.callee}(${kw}=False)${env ? ` when ${v.envNames!.join(', ')} is not set` : ''}: ${why.en}`,
            ja: `${call.callee}(${kw}=False)${env ? ` (${v.envNames!.join(', ')} が未設定のとき)` : ''}: ${why.ja}`,
          },
        });
      }
    }
  },
});
